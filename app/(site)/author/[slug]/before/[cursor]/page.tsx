import type { Metadata } from "next";
import { AuthorStories, authorMetadata } from "../../author-stories";

type Props = { params: Promise<{ slug: string; cursor: string }> };

export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata(await params);
}

export default async function OlderAuthorStoriesPage({ params }: Props) {
  return <AuthorStories {...await params} />;
}
