import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { canPublish, type Staff } from "@/lib/auth/roles";
import { NotAuthorizedError, requireStaff } from "@/lib/auth/staff";
import { readerTags, type ReaderTag } from "@/lib/cache-tags";
import { getDb } from "../client";
import { articleNotes, articles, liveEntries, type ArticleNoteKind } from "../schema";
import { articlesTags, findPublicArticles } from "./article-reader-tags";
import { recordAudit } from "./audit-log";
import { NotFoundError } from "./errors";
import { isPublicArticle, isPublicLiveEntry } from "./public-articles";
import { noteColumns, type ArticleNoteForReaders } from "./published-notes";
import { getArticleForEditing } from "./newsroom-articles";
import type { Transaction } from "./staff";

export type ArticleNoteForStaff = ArticleNoteForReaders & {
  createdByName: string | null;
  /** The live entry the note corrects, with its time; null for a note on the story itself. */
  liveEntry: { id: string; postedAt: Date } | null;
};

export type ArticleNoteChange =
  { status: "ok"; articleId: string; headline: string; expired: ReaderTag[] } | { status: "invalid"; message: string };

const ONLY_PUBLISHED = "Corrections and updates go on published stories: publish this one first.";
const NOTE_GONE = "That note no longer exists: someone may have deleted it. Reload the page.";
const ENTRY_NOT_PUBLIC =
  "That entry is not on the live page (it may have been deleted, or still waits for an editor). Reload the page.";
const NO_UPDATES_ON_ENTRIES = "An entry takes corrections and clarifications; post news since as a new entry.";

async function requireNoteEditor(): Promise<Staff> {
  const staff = await requireStaff("editor");
  if (!canPublish(staff)) throw new NotAuthorizedError("forbidden", "Only editors may correct a published story.");
  return staff;
}

/** Corrections are kept forever: changing or removing one is an administrator's act, and is logged. */
const requireNoteAdministrator = () => requireStaff("admin");

/**
 * What a note touches: the story's page and every list and feed it is in (its "Updated" time and
 * feed item change), and the corrections page and feed.
 */
async function noteTags(tx: Transaction, articleId: string): Promise<ReaderTag[]> {
  return [...articlesTags(...(await findPublicArticles(tx, eq(articles.id, articleId)))), readerTags.corrections];
}

/** Who may open the story (getArticleForEditing decides) may read its notes. */
export async function listArticleNotesForStaff({ articleId }: { articleId: string }): Promise<ArticleNoteForStaff[]> {
  if (!(await getArticleForEditing({ id: articleId }))) return [];
  const rows = await getDb()
    .select({
      ...noteColumns,
      createdByName: sql<string | null>`(select name from users where users.id = ${articleNotes.createdById})`,
      liveEntryId: liveEntries.id,
      liveEntryPostedAt: liveEntries.postedAt,
    })
    .from(articleNotes)
    .leftJoin(liveEntries, eq(liveEntries.id, articleNotes.liveEntryId))
    .where(eq(articleNotes.articleId, articleId))
    .orderBy(asc(articleNotes.notedAt), asc(articleNotes.id));
  return rows.map(({ liveEntryId, liveEntryPostedAt, ...note }) => ({
    ...note,
    liveEntry: liveEntryId && liveEntryPostedAt ? { id: liveEntryId, postedAt: liveEntryPostedAt } : null,
  }));
}

/** Why a note cannot go on this entry of the story, if it cannot: it must be one readers see, and the story's. */
async function entryRefusal(tx: Transaction, articleId: string, liveEntryId: string, kind: ArticleNoteKind) {
  if (kind === "update") return NO_UPDATES_ON_ENTRIES;
  const [entry] = await tx
    .select({ id: liveEntries.id })
    .from(liveEntries)
    .where(and(eq(liveEntries.id, liveEntryId), eq(liveEntries.articleId, articleId), isPublicLiveEntry))
    .for("update");
  return entry ? null : ENTRY_NOT_PUBLIC;
}

/**
 * An editor adds a correction, clarification or update to a story readers can see, or a correction
 * or clarification to one of its live entries. The story's "Updated" time moves to the note's, in
 * the same transaction, so its page, feeds, structured data and sitemap all say it changed.
 */
export async function addArticleNote({
  articleId,
  liveEntryId,
  kind,
  body,
}: {
  articleId: string;
  liveEntryId?: string;
  kind: ArticleNoteKind;
  body: string;
}): Promise<ArticleNoteChange> {
  const staff = await requireNoteEditor();
  return getDb().transaction(async (tx): Promise<ArticleNoteChange> => {
    await tx.execute(sql`select 1 from ${articles} where ${articles.id} = ${articleId} for update`);
    const [story] = await tx
      .select({ headline: articles.headline })
      .from(articles)
      .where(and(eq(articles.id, articleId), isPublicArticle))
      .limit(1);
    if (!story) return { status: "invalid", message: ONLY_PUBLISHED };
    const refusal = liveEntryId ? await entryRefusal(tx, articleId, liveEntryId, kind) : null;
    if (refusal) return { status: "invalid", message: refusal };
    const notedAt = new Date();
    const [note] = await tx
      .insert(articleNotes)
      .values({ articleId, liveEntryId, kind, body, notedAt, createdById: staff.id })
      .returning({ id: articleNotes.id });
    await tx.update(articles).set({ revisedAt: notedAt }).where(eq(articles.id, articleId));
    await recordAudit(tx, {
      actor: staff,
      action: "article.note-added",
      entity: "article",
      entityId: articleId,
      details: { noteId: note!.id, ...(liveEntryId ? { liveEntryId } : {}), kind, body },
    });
    return { status: "ok", articleId, headline: story.headline, expired: await noteTags(tx, articleId) };
  });
}

async function lockedNote(tx: Transaction, noteId: string) {
  const [note] = await tx
    .select({
      articleId: articleNotes.articleId,
      liveEntryId: articleNotes.liveEntryId,
      kind: articleNotes.kind,
      body: articleNotes.body,
    })
    .from(articleNotes)
    .where(eq(articleNotes.id, noteId))
    .for("update");
  if (!note) throw new NotFoundError(NOTE_GONE);
  const [story] = await tx
    .select({ headline: articles.headline })
    .from(articles)
    .where(eq(articles.id, note.articleId));
  return { ...note, headline: story?.headline ?? "" };
}

/** An administrator rewords a note (its time stays: it is when the newsroom made it); the log keeps both texts. */
export async function editArticleNote({
  noteId,
  kind,
  body,
}: {
  noteId: string;
  kind: ArticleNoteKind;
  body: string;
}): Promise<ArticleNoteChange> {
  const staff = await requireNoteAdministrator();
  return getDb().transaction(async (tx): Promise<ArticleNoteChange> => {
    const before = await lockedNote(tx, noteId);
    if (before.liveEntryId && kind === "update") return { status: "invalid", message: NO_UPDATES_ON_ENTRIES };
    await tx.update(articleNotes).set({ kind, body, updatedAt: new Date() }).where(eq(articleNotes.id, noteId));
    await recordAudit(tx, {
      actor: staff,
      action: "article.note-edited",
      entity: "article",
      entityId: before.articleId,
      details: { noteId, before: { kind: before.kind, body: before.body }, after: { kind, body } },
    });
    const { articleId, headline } = before;
    return { status: "ok", articleId, headline, expired: await noteTags(tx, articleId) };
  });
}

/** An administrator deletes a note made in error; the audit log keeps what it said. */
export async function deleteArticleNote({ noteId }: { noteId: string }): Promise<ArticleNoteChange> {
  const staff = await requireNoteAdministrator();
  return getDb().transaction(async (tx): Promise<ArticleNoteChange> => {
    const before = await lockedNote(tx, noteId);
    await tx.delete(articleNotes).where(eq(articleNotes.id, noteId));
    await recordAudit(tx, {
      actor: staff,
      action: "article.note-deleted",
      entity: "article",
      entityId: before.articleId,
      details: { noteId, kind: before.kind, body: before.body },
    });
    const { articleId, headline } = before;
    return { status: "ok", articleId, headline, expired: await noteTags(tx, articleId) };
  });
}
