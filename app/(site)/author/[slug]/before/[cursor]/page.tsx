import type { Metadata } from "next";
import { listingMetadata, StoryListing } from "@/app/(site)/_listing/story-listing";

type Props = { params: Promise<{ slug: string; cursor: string }> };

export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listingMetadata({ kind: "author", ...(await params) });
}

export default async function OlderAuthorStoriesPage({ params }: Props) {
  return <StoryListing kind="author" {...await params} />;
}
