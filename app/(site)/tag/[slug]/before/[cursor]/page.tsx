import type { Metadata } from "next";
import { TagStories, tagMetadata } from "../../tag-stories";

type Props = { params: Promise<{ slug: string; cursor: string }> };

export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata(await params);
}

export default async function OlderTagStoriesPage({ params }: Props) {
  return <TagStories {...await params} />;
}
