import type { Metadata } from "next";
import { listingMetadata, ArticleListing } from "@/app/(site)/_listing/article-listing";

type Props = { params: Promise<{ slug: string }> };

// Rendered on first request, then served from the cache until a story changes (lib/reader-cache)
// or a minute passes, so stories scheduled for a time appear without anyone pressing a button.
export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listingMetadata({ kind: "section", slug: (await params).slug });
}

export default async function SectionPage({ params }: Props) {
  return <ArticleListing kind="section" slug={(await params).slug} />;
}
