import type { Metadata } from "next";
import { cache } from "react";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleList } from "@/components/article-list";
import { FeedLink } from "@/components/feed-link";
import { PageHeading } from "@/components/page-heading";
import { StoryListPagination } from "@/components/story-list-pagination";
import { listTagArticles } from "@/db/queries/articles";
import { findTagRedirect, getTag } from "@/db/queries/tags";
import { parseStoryCursor } from "@/lib/page-param";
import { feedAlternates, site } from "@/lib/site";

type TagListing = { slug: string; cursor?: string };

const listingPath = ({ slug, cursor }: TagListing) => (cursor ? `/tag/${slug}/before/${cursor}` : `/tag/${slug}`);

// generateMetadata and the page look the tag up once per render, not twice.
const findTag = cache((slug: string) => getTag({ slug }));

/** A renamed or merged tag's old address sends readers and search engines on to where the tag lives now. */
async function redirectFromOldAddress(listing: TagListing) {
  const currentSlug = await findTagRedirect({ slug: listing.slug });
  if (currentSlug) permanentRedirect(listingPath({ ...listing, slug: currentSlug }));
}

export async function tagMetadata(listing: TagListing): Promise<Metadata> {
  const tag = await findTag(listing.slug);
  // An old address has no metadata of its own: the page itself redirects, or 404s.
  if (!tag) return {};
  return {
    title: listing.cursor ? `${tag.name}: older stories` : tag.name,
    alternates: {
      canonical: listingPath(listing),
      types: feedAlternates({ title: `${tag.name} — ${site.name}`, path: `/tag/${tag.slug}/rss.xml` }),
    },
  };
}

/** A tag's stories, newest first; with a cursor, the page of stories published before it. */
export async function TagStories(listing: TagListing) {
  const before = listing.cursor === undefined ? undefined : parseStoryCursor(listing.cursor);
  const tag = await findTag(listing.slug);
  if (!tag) await redirectFromOldAddress(listing);
  if (!tag || before === null) notFound();
  const stories = await listTagArticles({ tagId: tag.id, before });
  if (before && stories.articles.length === 0) notFound();

  return (
    <>
      <PageHeading kicker="Topic" title={tag.name}>
        <p>
          <FeedLink href={`/tag/${tag.slug}/rss.xml`} label={`${tag.name} RSS feed`} />
        </p>
      </PageHeading>
      <ArticleList articles={stories.articles} empty={`No published stories are tagged ${tag.name} yet.`} />
      <StoryListPagination
        basePath={`/tag/${tag.slug}`}
        olderCursor={stories.olderCursor}
        newerCursor={stories.newerCursor}
      />
    </>
  );
}
