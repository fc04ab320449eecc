import type { Metadata } from "next";
import { AuthorStories, authorMetadata } from "./author-stories";

type Props = { params: Promise<{ slug: string }> };

// Cached after the first request; see app/(site)/category/[slug]/page.tsx.
export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata({ slug: (await params).slug });
}

export default async function AuthorPage({ params }: Props) {
  return <AuthorStories slug={(await params).slug} />;
}
