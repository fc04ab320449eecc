import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/article-list";
import { PageHeading } from "@/components/page-heading";
import { StoryListPagination } from "@/components/story-list-pagination";
import { listAuthorArticles } from "@/db/queries/articles";
import { getAuthorProfile } from "@/db/queries/authors";
import { parseStoryCursor } from "@/lib/page-param";
import { feedAlternates } from "@/lib/site";

type AuthorListing = { slug: string; cursor?: string };

const listingPath = ({ slug, cursor }: AuthorListing) =>
  cursor ? `/author/${slug}/before/${cursor}` : `/author/${slug}`;

// generateMetadata and the page look the writer up once per render, not twice.
const findAuthor = cache((slug: string) => getAuthorProfile({ slug }));

export async function authorMetadata(listing: AuthorListing): Promise<Metadata> {
  const author = await findAuthor(listing.slug);
  if (!author) return {};
  return {
    title: listing.cursor ? `${author.name}: older stories` : author.name,
    description: author.bio ?? undefined,
    alternates: { canonical: listingPath(listing), types: feedAlternates() },
  };
}

/** A writer's stories, newest first; with a cursor, the page of stories published before it. */
export async function AuthorStories(listing: AuthorListing) {
  const before = listing.cursor === undefined ? undefined : parseStoryCursor(listing.cursor);
  const author = await findAuthor(listing.slug);
  if (!author || before === null) notFound();
  const stories = await listAuthorArticles({ authorId: author.id, before });
  if (before && stories.articles.length === 0) notFound();

  return (
    <>
      <PageHeading kicker="Writer" title={author.name}>
        {author.bio ? <p>{author.bio}</p> : null}
      </PageHeading>
      <ArticleList articles={stories.articles} empty={`${author.name} has no published stories yet.`} />
      <StoryListPagination
        basePath={`/author/${author.slug}`}
        olderCursor={stories.olderCursor}
        newerCursor={stories.newerCursor}
      />
    </>
  );
}
