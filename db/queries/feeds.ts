import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { FeedArticle } from "@/lib/feeds/build-feeds";
import { getReaderDb } from "../client";
import { articleBylines, articles, articleTags, liveEntries, media, tags } from "../schema";
import { findNewestLiveEntries } from "./live-entries";
import { findArticleNotes } from "./published-notes";
import { findGraphicPhotos } from "./graphic-photos";
import { isPublicArticle, selectArticleSummaries, toArticleSummary } from "./public-articles";

export type FeedScope =
  | { kind: "site" }
  | { kind: "section"; sectionId: string }
  | { kind: "tag"; tagId: string }
  | { kind: "author"; authorId: string };

// A live story changes with each entry: its item's updated time is the newest one's.
const newestLiveEntryAt = sql<Date | null>`(select max(${liveEntries.postedAt}) from ${liveEntries}
  where ${liveEntries.articleId} = ${articles.id} and ${liveEntries.status} = 'published'
  and ${liveEntries.deletedAt} is null)`.mapWith(liveEntries.postedAt);

const latest = (time: Date, other: Date | null) => (other && other > time ? other : time);

/** Enough for a reader who checks once a day; more only makes every poll heavier. */
export const FEED_LENGTH = 50;

function scopeFilter(scope: FeedScope): SQL | undefined {
  switch (scope.kind) {
    case "site":
      return undefined;
    case "section":
      return eq(articles.sectionId, scope.sectionId);
    case "tag":
      return inArray(
        articles.id,
        getReaderDb().select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, scope.tagId)),
      );
    case "author":
      return inArray(
        articles.id,
        getReaderDb()
          .select({ id: articleBylines.articleId })
          .from(articleBylines)
          .where(eq(articleBylines.userId, scope.authorId)),
      );
  }
}

type ArticleTag = { slug: string; name: string };

async function tagsByArticle(articleIds: string[]): Promise<Map<string, ArticleTag[]>> {
  const byArticle = new Map<string, ArticleTag[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await getReaderDb()
    .select({ articleId: articleTags.articleId, slug: tags.slug, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(inArray(articleTags.articleId, articleIds))
    .orderBy(tags.name);
  for (const { articleId, ...tag } of rows) {
    byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), tag]);
  }
  return byArticle;
}

/**
 * The newest public stories of the whole site, one section, one tag or one writer, newest
 * first, with everything a feed item carries: the body's feed HTML as built at save
 * for content:encoded, and the lead photo's stored type and size for its enclosure.
 */
export async function listFeedArticles({ scope }: { scope: FeedScope }): Promise<FeedArticle[]> {
  const rows = await selectArticleSummaries({
    feedBody: articles.feedBody,
    photoMimeType: media.mimeType,
    photoByteSize: media.byteSize,
    newestEntryAt: newestLiveEntryAt,
  })
    .where(and(isPublicArticle, scopeFilter(scope)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(FEED_LENGTH);
  const ids = rows.map((row) => row.id);
  const [articleTagList, graphicPhotos, notes, newestEntries] = await Promise.all([
    tagsByArticle(ids),
    findGraphicPhotos(ids),
    findArticleNotes(ids),
    findNewestLiveEntries(ids),
  ]);
  return rows.map((row) => {
    const summary = toArticleSummary(row);
    return {
      id: summary.id,
      slug: summary.slug,
      headline: summary.headline,
      dek: summary.dek,
      feedBody: row.feedBody,
      publishedAt: summary.publishedAt,
      updatedAt: latest(summary.revisedAt ?? summary.publishedAt, row.newestEntryAt),
      notes: notes.get(row.id) ?? [],
      liveEntries: newestEntries.get(row.id) ?? [],
      section: summary.section,
      authors: summary.authors,
      tags: articleTagList.get(row.id) ?? [],
      graphicPhotos: graphicPhotos.get(row.id) ?? {},
      leadPhoto: summary.leadPhoto && {
        ...summary.leadPhoto,
        mimeType: row.photoMimeType,
        byteSize: row.photoByteSize,
      },
    };
  });
}
