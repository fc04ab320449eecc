import type { Metadata } from "next";
import { listingMetadata, ArticleListing } from "@/app/(site)/_listing/article-listing";

type Props = { params: Promise<{ slug: string; cursor: string }> };

export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listingMetadata({ kind: "tag", ...(await params) });
}

export default async function OlderTagArticlesPage({ params }: Props) {
  return <ArticleListing kind="tag" {...await params} />;
}
