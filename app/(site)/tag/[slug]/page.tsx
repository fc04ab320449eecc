import type { Metadata } from "next";
import { TagStories, tagMetadata } from "./tag-stories";

type Props = { params: Promise<{ slug: string }> };

// Cached after the first request; see app/(site)/category/[slug]/page.tsx.
export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tagMetadata({ slug: (await params).slug });
}

export default async function TagPage({ params }: Props) {
  return <TagStories slug={(await params).slug} />;
}
