import "server-only";
import { and, desc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { getReaderDb } from "../client";
import { articles, liveEntries, media, users } from "../schema";
import type { FeedBody } from "@/lib/mdx/feed-html";
import { isPublicArticle, isPublicLiveEntry } from "./public-articles";
import { findLiveEntryNotes, type ArticleNoteForReaders } from "./published-notes";

/** One entry of a live story as readers see it, with its writer. */
export type LiveEntryForReaders = {
  id: string;
  title: string | null;
  /** The library photos its body shows. */
  photoIds: string[];
  code: string;
  sourceHash: string;
  plainText: string;
  postedAt: Date;
  pinned: boolean;
  author: { slug: string; name: string };
  /** Its corrections and clarifications, oldest first. */
  notes: ArticleNoteForReaders[];
};

/** How many entries a live page shows; older ones wait for a later session's "older updates". */
export const LIVE_ENTRIES_SHOWN = 200;

/** A story's published entries, newest first. */
export async function listLiveEntries({ articleId }: { articleId: string }): Promise<LiveEntryForReaders[]> {
  const rows = await getReaderDb()
    .select({
      id: liveEntries.id,
      title: liveEntries.title,
      photoIds: liveEntries.bodyPhotoIds,
      code: liveEntries.compiledCode,
      sourceHash: liveEntries.sourceHash,
      plainText: liveEntries.plainText,
      postedAt: liveEntries.postedAt,
      pinned: liveEntries.pinned,
      authorSlug: users.slug,
      authorName: users.name,
    })
    .from(liveEntries)
    .innerJoin(users, eq(users.id, liveEntries.authorId))
    .where(and(eq(liveEntries.articleId, articleId), isPublicLiveEntry))
    .orderBy(desc(liveEntries.postedAt), desc(liveEntries.id))
    .limit(LIVE_ENTRIES_SHOWN);
  const notes = await findLiveEntryNotes(rows.map((row) => row.id));
  return rows.map(({ authorSlug, authorName, ...entry }) => ({
    ...entry,
    author: { slug: authorSlug, name: authorName },
    notes: notes.get(entry.id) ?? [],
  }));
}

export type LiveUpdatesSince = { newEntries: number; newestId: string | null };

/**
 * What a reader's open page lacks: how many entries were posted after the newest it shows
 * (`after`, an entry id), and the newest one's id. Null for an address that is no live story.
 */
export async function findLiveUpdatesSince({
  slug,
  after,
}: {
  slug: string;
  after: string | null;
}): Promise<LiveUpdatesSince | null> {
  const [story] = await getReaderDb()
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, slug), isPublicArticle, sql`${articles.liveStartedAt} is not null`))
    .limit(1);
  if (!story) return null;
  const since = after
    ? sql`(${liveEntries.postedAt}, ${liveEntries.id}) > (select posted_at, id from ${liveEntries} where id = ${after})`
    : undefined;
  const [row] = await getReaderDb()
    .select({
      newEntries: sql<number>`count(*)::int`,
      newestId: sql<
        string | null
      >`(array_agg(${liveEntries.id} order by ${liveEntries.postedAt} desc, ${liveEntries.id} desc))[1]`,
    })
    .from(liveEntries)
    .where(and(eq(liveEntries.articleId, story.id), isPublicLiveEntry, since));
  return { newEntries: row?.newEntries ?? 0, newestId: row?.newestId ?? null };
}

export const LIVE_FEED_LENGTH = 50;

export type LiveFeedEntry = {
  id: string;
  title: string | null;
  photoIds: string[];
  plainText: string;
  feedBody: FeedBody | null;
  postedAt: Date;
  /** When its text last changed: an edit or a note moves the feed's Last-Modified. */
  updatedAt: Date;
  author: { slug: string; name: string };
  notes: ArticleNoteForReaders[];
};

export type LiveFeed = {
  story: { slug: string; headline: string; dek: string; endedAt: Date | null };
  entries: LiveFeedEntry[];
  /** The entries' graphic photos, by id, with their warnings. */
  graphicPhotos: Record<string, string>;
};

/** A live story and its newest published entries, with the feed HTML built when each was posted. */
export async function getLiveFeed({ slug }: { slug: string }): Promise<LiveFeed | null> {
  const [story] = await getReaderDb()
    .select({
      id: articles.id,
      slug: articles.slug,
      headline: articles.headline,
      dek: articles.dek,
      endedAt: articles.liveEndedAt,
    })
    .from(articles)
    .where(and(eq(articles.slug, slug), isPublicArticle, sql`${articles.liveStartedAt} is not null`))
    .limit(1);
  if (!story) return null;
  const rows = await getReaderDb()
    .select({
      id: liveEntries.id,
      title: liveEntries.title,
      photoIds: liveEntries.bodyPhotoIds,
      plainText: liveEntries.plainText,
      feedBody: liveEntries.feedBody,
      postedAt: liveEntries.postedAt,
      updatedAt: liveEntries.updatedAt,
      authorSlug: users.slug,
      authorName: users.name,
    })
    .from(liveEntries)
    .innerJoin(users, eq(users.id, liveEntries.authorId))
    .where(and(eq(liveEntries.articleId, story.id), isPublicLiveEntry))
    .orderBy(desc(liveEntries.postedAt), desc(liveEntries.id))
    .limit(LIVE_FEED_LENGTH);
  const notes = await findLiveEntryNotes(rows.map((row) => row.id));
  return {
    story: { slug: story.slug, headline: story.headline, dek: story.dek, endedAt: story.endedAt },
    entries: rows.map(({ authorSlug, authorName, ...entry }) => ({
      ...entry,
      author: { slug: authorSlug, name: authorName },
      notes: notes.get(entry.id) ?? [],
    })),
    graphicPhotos: await findEntryGraphicPhotos(rows.map((row) => row.photoIds)),
  };
}

/** How many of a live story's newest entries its item in the site's feeds shows above the story. */
export const LIVE_ENTRIES_IN_FEED_ITEM = 3;

export type FeedItemLiveEntry = {
  id: string;
  title: string | null;
  postedAt: Date;
  feedBody: FeedBody | null;
  /** The entry's graphic photos, by id, with their warnings. */
  graphicPhotos: Record<string, string>;
  notes: ArticleNoteForReaders[];
};

/** Each live story's newest entries, for its item in the feeds; a story with none is left out. */
export async function findNewestLiveEntries(articleIds: string[]): Promise<Map<string, FeedItemLiveEntry[]>> {
  const byArticle = new Map<string, FeedItemLiveEntry[]>();
  if (articleIds.length === 0) return byArticle;
  const ranked = getReaderDb()
    .select({
      articleId: liveEntries.articleId,
      id: liveEntries.id,
      title: liveEntries.title,
      photoIds: liveEntries.bodyPhotoIds,
      postedAt: liveEntries.postedAt,
      feedBody: liveEntries.feedBody,
      rank: sql<number>`row_number() over (partition by ${liveEntries.articleId}
        order by ${liveEntries.postedAt} desc, ${liveEntries.id} desc)`.as("rank"),
    })
    .from(liveEntries)
    .where(and(inArray(liveEntries.articleId, articleIds), isPublicLiveEntry))
    .as("ranked");
  const rows = await getReaderDb()
    .select()
    .from(ranked)
    .where(lte(ranked.rank, LIVE_ENTRIES_IN_FEED_ITEM))
    .orderBy(ranked.articleId, ranked.rank);
  const [graphicPhotos, notes] = await Promise.all([
    findEntryGraphicPhotos(rows.map((row) => row.photoIds)),
    findLiveEntryNotes(rows.map((row) => row.id)),
  ]);
  for (const { articleId, id, title, postedAt, feedBody } of rows) {
    const entry = { id, title, postedAt, feedBody, graphicPhotos, notes: notes.get(id) ?? [] };
    byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), entry]);
  }
  return byArticle;
}

/**
 * The graphic photos the given entries show (each entry's photo ids, as stored with it), by photo
 * id, with their warnings: an entry's photo goes behind its warning on the page and in feeds
 * exactly as a story's does.
 */
export async function findEntryGraphicPhotos(photoIds: readonly string[][]): Promise<Record<string, string>> {
  const ids = [...new Set(photoIds.flat())];
  if (ids.length === 0) return {};
  const rows = await getReaderDb()
    .select({ id: media.id, warning: media.graphicWarning })
    .from(media)
    .where(and(inArray(media.id, ids), isNotNull(media.graphicWarning)));
  return Object.fromEntries(rows.map((row) => [row.id, row.warning!]));
}
