import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getReaderDb } from "../client";
import { articleNotes, articles, type ArticleNoteKind } from "../schema";
import { isPublicArticle } from "./public-articles";

export type { ArticleNoteKind } from "../schema";

/** A note as readers see it: what kind, what it says, and when the newsroom made it. */
export type ArticleNoteForReaders = { id: string; kind: ArticleNoteKind; body: string; notedAt: Date };

export const noteColumns = {
  id: articleNotes.id,
  kind: articleNotes.kind,
  body: articleNotes.body,
  notedAt: articleNotes.notedAt,
};

/** Each story's notes, oldest first, as they were made: read with the story for its page and its feeds. */
export async function findArticleNotes(articleIds: string[]): Promise<Map<string, ArticleNoteForReaders[]>> {
  const byArticle = new Map<string, ArticleNoteForReaders[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await getReaderDb()
    .select({ articleId: articleNotes.articleId, ...noteColumns })
    .from(articleNotes)
    .where(inArray(articleNotes.articleId, articleIds))
    .orderBy(asc(articleNotes.notedAt), asc(articleNotes.id));
  for (const { articleId, ...note } of rows) byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), note]);
  return byArticle;
}

export const CORRECTIONS_PAGE_SIZE = 50;

export type PublishedCorrection = ArticleNoteForReaders & { story: { id: string; slug: string; headline: string } };

/**
 * Every correction and clarification on a story readers can see, newest first. `before` is the id
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
    .where(and(inArray(articleNotes.kind, ["correction", "clarification"]), isPublicArticle, keyset))
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
