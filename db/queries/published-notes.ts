import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { getReaderDb } from "../client";
import { articleNotes, articles, liveEntries, type ArticleNoteKind } from "../schema";
import { isPublicArticle, isPublicLiveEntry } from "./public-articles";

export type { ArticleNoteKind } from "../schema";

/** A note as readers see it: what kind, what it says, and when the newsroom made it. */
export type ArticleNoteForReaders = { id: string; kind: ArticleNoteKind; body: string; notedAt: Date };

export const noteColumns = {
  id: articleNotes.id,
  kind: articleNotes.kind,
  body: articleNotes.body,
  notedAt: articleNotes.notedAt,
};

function groupNotes(rows: Array<ArticleNoteForReaders & { key: string | null }>) {
  const grouped = new Map<string, ArticleNoteForReaders[]>();
  for (const { key, ...note } of rows) if (key) grouped.set(key, [...(grouped.get(key) ?? []), note]);
  return grouped;
}

/**
 * Each story's own notes, oldest first, as they were made: read with the story for its page and
 * its feeds. A note on one entry of a live story is that entry's, not the story's.
 */
export async function findArticleNotes(articleIds: string[]): Promise<Map<string, ArticleNoteForReaders[]>> {
  if (articleIds.length === 0) return new Map();
  const rows = await getReaderDb()
    .select({ key: articleNotes.articleId, ...noteColumns })
    .from(articleNotes)
    .where(and(inArray(articleNotes.articleId, articleIds), isNull(articleNotes.liveEntryId)))
    .orderBy(asc(articleNotes.notedAt), asc(articleNotes.id));
  return groupNotes(rows);
}

/** Each live entry's corrections and clarifications, oldest first, shown with the entry wherever it is. */
export async function findLiveEntryNotes(entryIds: string[]): Promise<Map<string, ArticleNoteForReaders[]>> {
  if (entryIds.length === 0) return new Map();
  const rows = await getReaderDb()
    .select({ key: articleNotes.liveEntryId, ...noteColumns })
    .from(articleNotes)
    .where(inArray(articleNotes.liveEntryId, entryIds))
    .orderBy(asc(articleNotes.notedAt), asc(articleNotes.id));
  return groupNotes(rows);
}

export const CORRECTIONS_PAGE_SIZE = 50;

export type PublishedCorrection = ArticleNoteForReaders & { story: { id: string; slug: string; headline: string } };

/**
 * Every correction and clarification on a story readers can see, or on an entry of one that readers
 * can see, newest first. `before` is the id
 * of the note the page continues after (a keyset); a made-up one finds nothing.
 */
export async function listCorrections({ before }: { before?: string } = {}): Promise<{
  corrections: PublishedCorrection[];
  olderCursor: string | null;
}> {
  const cursorNote = sql`(select noted_at, id from ${articleNotes} where id = ${before ?? null})`;
  const keyset = before ? sql`(${articleNotes.notedAt}, ${articleNotes.id}) < ${cursorNote}` : undefined;
  const rows = await getReaderDb()
    .select({ ...noteColumns, storyId: articles.id, slug: articles.slug, headline: articles.headline })
    .from(articleNotes)
    .innerJoin(articles, eq(articles.id, articleNotes.articleId))
    .leftJoin(liveEntries, eq(liveEntries.id, articleNotes.liveEntryId))
    .where(
      and(
        inArray(articleNotes.kind, ["correction", "clarification"]),
        isPublicArticle,
        or(isNull(articleNotes.liveEntryId), isPublicLiveEntry),
        keyset,
      ),
    )
    .orderBy(desc(articleNotes.notedAt), desc(articleNotes.id))
    .limit(CORRECTIONS_PAGE_SIZE + 1);
  const page = rows.slice(0, CORRECTIONS_PAGE_SIZE);
  return {
    corrections: page.map(({ storyId, slug, headline, ...note }) => ({
      ...note,
      story: { id: storyId, slug, headline },
    })),
    olderCursor: rows.length > CORRECTIONS_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
  };
}
