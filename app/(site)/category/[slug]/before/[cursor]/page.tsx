import type { Metadata } from "next";
import { listingMetadata, ArticleListing } from "@/app/(site)/_listing/article-listing";

type Props = { params: Promise<{ slug: string; cursor: string }> };

export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listingMetadata({ kind: "section", ...(await params) });
}

export default async function OlderSectionArticlesPage({ params }: Props) {
  return <ArticleListing kind="section" {...await params} />;
}
