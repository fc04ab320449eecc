import type { Metadata } from "next";
import { listingMetadata, ArticleListing } from "@/app/(site)/_listing/article-listing";

type Props = { params: Promise<{ slug: string }> };

// Cached after the first request; see app/(site)/category/[slug]/page.tsx.
export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listingMetadata({ kind: "author", slug: (await params).slug });
}

export default async function AuthorPage({ params }: Props) {
  return <ArticleListing kind="author" slug={(await params).slug} />;
}
