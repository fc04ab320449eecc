import type { Metadata } from "next";
import { SectionStories, sectionMetadata } from "../../section-stories";

type Props = { params: Promise<{ slug: string; cursor: string }> };

export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionMetadata(await params);
}

export default async function OlderSectionStoriesPage({ params }: Props) {
  return <SectionStories {...await params} />;
}
