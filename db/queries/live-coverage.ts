import "server-only";
import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { canPublish, hasRole, type Staff } from "@/lib/auth/roles";
import { NotAuthorizedError, requireStaff } from "@/lib/auth/staff";
import { readerTags, type ReaderTag } from "@/lib/cache-tags";
import { compileArticle, MdxCompileError, type CompiledArticle } from "@/lib/mdx/compile";
import type { MdxIssue } from "@/lib/mdx/safety";
import { liveEntryModelColumns } from "../article-models";
import { getDb } from "../client";
import { articleBylines, articleNotes, articles, liveEntries, users } from "../schema";
import { articlesTags, findPublicArticles } from "./article-reader-tags";
import { recordAudit, type AuditAction } from "./audit-log";
import { NotFoundError } from "./errors";
import { findPhotosMissingText } from "./media";
import { createArticleDraft } from "./newsroom-articles";
import { noteColumns, type ArticleNoteForReaders } from "./published-notes";
import type { Transaction } from "./staff";

// A headline taken from an untitled entry's first words, short enough for any page that shows it.
const ENTRY_HEADLINE_LENGTH = 120;

export type LiveCoverageState = {
  headline: string;
  slug: string;
  /** When the coverage began; null for a story that is not live coverage. */
  startedAt: Date | null;
  endedAt: Date | null;
  entriesNeedReview: boolean;
};

export type LiveEntryForStaff = {
  id: string;
  title: string | null;
  bodyMdx: string;
  status: "published" | "pending";
  pinned: boolean;
  postedAt: Date;
  version: number;
  authorId: string;
  authorName: string;
  /** Its corrections and clarifications, oldest first. */
  notes: ArticleNoteForReaders[];
};

export type LiveCoverageChange =
  | { status: "ok"; articleId: string; expired: ReaderTag[] }
  | { status: "invalid"; message: string; issues?: MdxIssue[] }
  | { status: "conflict"; message: string };

const STORY_GONE = "This story no longer exists: someone may have moved it to the trash.";
const ENTRY_GONE = "That entry no longer exists: someone may have deleted it. Reload the page.";
const NOT_LIVE = "This story is not live coverage now: an editor may have ended it. Reload the page.";
const ENTRY_PROBLEMS = "The entry has problems to fix before it can be posted.";
const ENTRY_CHANGED =
  "Someone changed this entry since you opened it. Your text is still here: reload to see theirs first.";

async function requireLiveEditor(): Promise<Staff> {
  const staff = await requireStaff("editor");
  if (!canPublish(staff)) throw new NotAuthorizedError("forbidden", "Only editors may run live coverage.");
  return staff;
}

/**
 * What a change to a live story touches: its own page, its poll and its feed of entries, and
 * nothing of the site's (its lists show the story's headline, which entries do not change).
 */
async function storyTags(tx: Transaction, articleId: string): Promise<ReaderTag[]> {
  const [story] = await findPublicArticles(tx, eq(articles.id, articleId));
  return story ? [readerTags.article(story.id), readerTags.articleAddress(story.slug)] : [];
}

/**
 * An entry changed or taken back after readers saw it: besides the story, the feeds whose item shows
 * the story's newest entries, so the old text does not outlive the change there by a minute.
 */
async function everywhereTags(tx: Transaction, articleId: string): Promise<ReaderTag[]> {
  return articlesTags(...(await findPublicArticles(tx, eq(articles.id, articleId))));
}

async function lockedStory(tx: Transaction, articleId: string) {
  const [story] = await tx
    .select({
      liveStartedAt: articles.liveStartedAt,
      liveEndedAt: articles.liveEndedAt,
      liveEntriesNeedReview: articles.liveEntriesNeedReview,
    })
    .from(articles)
    .where(and(eq(articles.id, articleId), isNull(articles.deletedAt)))
    .for("update");
  if (!story) throw new NotFoundError(STORY_GONE);
  return story;
}

async function audit(tx: Transaction, staff: Staff, action: AuditAction, articleId: string, details = {}) {
  await recordAudit(tx, { actor: staff, action, entity: "article", entityId: articleId, details });
}

/**
 * A live story's staff page: any writer may post to a published story, but a draft is seen only by
 * its bylines and the editors, as the story list shows it (DESIGN.md, "Roles").
 */
export async function getLiveCoverageForStaff({ articleId }: { articleId: string }) {
  const staff = await requireStaff();
  const [row] = await getDb()
    .select({
      headline: articles.headline,
      slug: articles.slug,
      startedAt: articles.liveStartedAt,
      endedAt: articles.liveEndedAt,
      entriesNeedReview: articles.liveEntriesNeedReview,
      status: articles.status,
      bylined: sql<boolean>`exists (select 1 from ${articleBylines}
        where ${articleBylines.articleId} = ${articles.id} and ${articleBylines.userId} = ${staff.id})`,
    })
    .from(articles)
    .where(and(eq(articles.id, articleId), isNull(articles.deletedAt)));
  if (!row) throw new NotFoundError(STORY_GONE);
  const { status, bylined, ...story } = row;
  if (status === "draft" && !bylined && !hasRole(staff, "editor"))
    throw new NotAuthorizedError("forbidden", "You can only open your own drafts.");
  const entries = await getDb()
    .select({
      id: liveEntries.id,
      title: liveEntries.title,
      bodyMdx: liveEntries.bodyMdx,
      status: liveEntries.status,
      pinned: liveEntries.pinned,
      postedAt: liveEntries.postedAt,
      version: liveEntries.version,
      authorId: liveEntries.authorId,
      authorName: users.name,
    })
    .from(liveEntries)
    .innerJoin(users, eq(users.id, liveEntries.authorId))
    .where(and(eq(liveEntries.articleId, articleId), isNull(liveEntries.deletedAt)))
    .orderBy(asc(sql`${liveEntries.status} = 'published'`), desc(liveEntries.postedAt));
  const notes = await getDb()
    .select({ liveEntryId: articleNotes.liveEntryId, ...noteColumns })
    .from(articleNotes)
    .where(and(eq(articleNotes.articleId, articleId), isNotNull(articleNotes.liveEntryId)))
    .orderBy(asc(articleNotes.notedAt), asc(articleNotes.id));
  const withNotes = entries.map((entry) => ({
    ...entry,
    notes: notes.filter((note) => note.liveEntryId === entry.id),
  }));
  return { coverage: story satisfies LiveCoverageState, entries: withNotes satisfies LiveEntryForStaff[] };
}

/** An editor turns a story into live coverage, or changes whether writers' entries wait for review. */
export async function startLiveCoverage({
  articleId,
  entriesNeedReview,
}: {
  articleId: string;
  entriesNeedReview: boolean;
}): Promise<LiveCoverageChange> {
  const staff = await requireLiveEditor();
  return getDb().transaction(async (tx): Promise<LiveCoverageChange> => {
    const story = await lockedStory(tx, articleId);
    const restart = story.liveStartedAt === null || story.liveEndedAt !== null;
    await tx
      .update(articles)
      .set({
        liveStartedAt: story.liveStartedAt ?? new Date(),
        liveEndedAt: null,
        liveEntriesNeedReview: entriesNeedReview,
      })
      .where(eq(articles.id, articleId));
    await audit(tx, staff, restart ? "live.started" : "live.review-changed", articleId, { entriesNeedReview });
    return { status: "ok", articleId, expired: await storyTags(tx, articleId) };
  });
}

/** "This live coverage has ended": from now on the story reads top to bottom, oldest entry first. */
export async function endLiveCoverage({ articleId }: { articleId: string }): Promise<LiveCoverageChange> {
  const staff = await requireLiveEditor();
  return getDb().transaction(async (tx): Promise<LiveCoverageChange> => {
    const story = await lockedStory(tx, articleId);
    if (story.liveStartedAt === null || story.liveEndedAt !== null) return { status: "invalid", message: NOT_LIVE };
    await tx.update(articles).set({ liveEndedAt: new Date() }).where(eq(articles.id, articleId));
    await audit(tx, staff, "live.ended", articleId);
    return { status: "ok", articleId, expired: await storyTags(tx, articleId) };
  });
}

/** The entry compiled, or why it cannot go out: its MDX, or a photo in it without alt text or a caption. */
async function compileEntry(source: string): Promise<CompiledArticle | { message: string; issues: MdxIssue[] }> {
  let compiled: CompiledArticle;
  try {
    compiled = await compileArticle(source);
  } catch (error) {
    if (error instanceof MdxCompileError) return { message: ENTRY_PROBLEMS, issues: error.issues };
    throw error;
  }
  const photos = await findPhotosMissingText({ bodyMdx: source, heroMediaId: null });
  return photos.message ? { message: photos.message, issues: [] } : compiled;
}

const entryColumns = (bodyMdx: string, compiled: CompiledArticle) => ({
  bodyMdx,
  compiledCode: compiled.code,
  sourceHash: compiled.sourceHash,
  ...liveEntryModelColumns(compiled),
});

/**
 * Any writer posts an entry to a live story, checked by the same MDX guard as a story. It is
 * public at once unless the story's editors asked to review writers' entries; an editor's never waits.
 */
export async function postLiveEntry({
  articleId,
  title,
  bodyMdx,
}: {
  articleId: string;
  title: string;
  bodyMdx: string;
}): Promise<LiveCoverageChange & { entryStatus?: "published" | "pending" }> {
  await requireStaff("writer");
  const compiled = await compileEntry(bodyMdx);
  if (!("code" in compiled)) return { status: "invalid", ...compiled };
  // Checked again after the compile: an account disabled meanwhile writes nothing.
  const staff = await requireStaff("writer");
  return getDb().transaction(async (tx) => {
    const story = await lockedStory(tx, articleId);
    if (story.liveStartedAt === null || story.liveEndedAt !== null)
      return { status: "invalid", message: NOT_LIVE } as const;
    const waits = story.liveEntriesNeedReview && !canPublish(staff);
    const [entry] = await tx
      .insert(liveEntries)
      .values({
        articleId,
        title: title || null,
        ...entryColumns(bodyMdx, compiled),
        authorId: staff.id,
        status: waits ? "pending" : "published",
      })
      .returning({ id: liveEntries.id });
    await audit(tx, staff, "live-entry.posted", articleId, { entryId: entry!.id, pending: waits });
    const expired = waits ? [] : await storyTags(tx, articleId);
    return { status: "ok", articleId, expired, entryStatus: waits ? "pending" : "published" } as const;
  });
}

async function lockedEntry(tx: Transaction, entryId: string) {
  const [entry] = await tx
    .select({
      articleId: liveEntries.articleId,
      authorId: liveEntries.authorId,
      version: liveEntries.version,
      status: liveEntries.status,
    })
    .from(liveEntries)
    .where(and(eq(liveEntries.id, entryId), isNull(liveEntries.deletedAt)))
    .for("update");
  if (!entry) throw new NotFoundError(ENTRY_GONE);
  return entry;
}

/** Writers change their own entries; editors anyone's. */
function assertMayChangeEntry(staff: Staff, entry: { authorId: string }) {
  if (entry.authorId !== staff.id && !hasRole(staff, "editor"))
    throw new NotAuthorizedError("forbidden", "You can only change your own entries.");
}

export async function editLiveEntry({
  entryId,
  expectedVersion,
  title,
  bodyMdx,
}: {
  entryId: string;
  expectedVersion: number;
  title: string;
  bodyMdx: string;
}): Promise<LiveCoverageChange> {
  await requireStaff("writer");
  const compiled = await compileEntry(bodyMdx);
  if (!("code" in compiled)) return { status: "invalid", ...compiled };
  const staff = await requireStaff("writer");
  return getDb().transaction(async (tx): Promise<LiveCoverageChange> => {
    const entry = await lockedEntry(tx, entryId);
    assertMayChangeEntry(staff, entry);
    if (entry.version !== expectedVersion) return { status: "conflict", message: ENTRY_CHANGED };
    const story = await lockedStory(tx, entry.articleId);
    // Where writers' entries wait for an editor, a writer's rewrite waits again: approval was of the old text.
    const waits = story.liveEntriesNeedReview && !canPublish(staff);
    const version = entry.version + 1;
    await tx
      .update(liveEntries)
      .set({
        title: title || null,
        ...entryColumns(bodyMdx, compiled),
        ...(waits ? { status: "pending" as const } : {}),
        version,
        updatedAt: new Date(),
      })
      .where(eq(liveEntries.id, entryId));
    await audit(tx, staff, "live-entry.edited", entry.articleId, { entryId, version, title, bodyMdx, pending: waits });
    const expired = entry.status === "published" ? await everywhereTags(tx, entry.articleId) : [];
    return { status: "ok", articleId: entry.articleId, expired };
  });
}

/** Taken off the page; the row and the audit log keep what it said. */
export async function deleteLiveEntry({ entryId }: { entryId: string }): Promise<LiveCoverageChange> {
  const staff = await requireStaff("writer");
  return getDb().transaction(async (tx): Promise<LiveCoverageChange> => {
    const entry = await lockedEntry(tx, entryId);
    assertMayChangeEntry(staff, entry);
    await tx.update(liveEntries).set({ deletedAt: new Date() }).where(eq(liveEntries.id, entryId));
    await audit(tx, staff, "live-entry.deleted", entry.articleId, { entryId });
    return { status: "ok", articleId: entry.articleId, expired: await everywhereTags(tx, entry.articleId) };
  });
}

/** A key entry is pinned (shown first and in "Key events") by its writer or an editor, or unpinned. */
export async function pinLiveEntry({ entryId, pinned }: { entryId: string; pinned: boolean }) {
  const staff = await requireStaff("writer");
  return getDb().transaction(async (tx): Promise<LiveCoverageChange> => {
    const entry = await lockedEntry(tx, entryId);
    assertMayChangeEntry(staff, entry);
    await tx.update(liveEntries).set({ pinned, updatedAt: new Date() }).where(eq(liveEntries.id, entryId));
    await audit(tx, staff, pinned ? "live-entry.pinned" : "live-entry.unpinned", entry.articleId, { entryId });
    return { status: "ok", articleId: entry.articleId, expired: await storyTags(tx, entry.articleId) };
  });
}

/** An editor lets a writer's waiting entry through: readers see it from now, dated now. */
export async function approveLiveEntry({ entryId }: { entryId: string }): Promise<LiveCoverageChange> {
  const staff = await requireLiveEditor();
  return getDb().transaction(async (tx): Promise<LiveCoverageChange> => {
    const entry = await lockedEntry(tx, entryId);
    if (entry.status === "published") return { status: "invalid", message: "That entry is already published." };
    await tx
      .update(liveEntries)
      .set({ status: "published", postedAt: new Date(), updatedAt: new Date() })
      .where(eq(liveEntries.id, entryId));
    await audit(tx, staff, "live-entry.approved", entry.articleId, { entryId });
    return { status: "ok", articleId: entry.articleId, expired: await storyTags(tx, entry.articleId) };
  });
}

export type StoryFromEntry = { status: "ok"; id: string } | { status: "invalid"; message: string };

/**
 * An entry that grew into news of its own becomes a draft story in the live story's section, with
 * the entry's text and its writer's byline (and the writer who pressed, if someone else): the
 * entry stays on the live page, and the draft is published as any story is.
 */
export async function storyFromLiveEntry({ entryId }: { entryId: string }): Promise<StoryFromEntry> {
  const staff = await requireStaff("writer");
  const [entry] = await getDb()
    .select({
      title: liveEntries.title,
      bodyMdx: liveEntries.bodyMdx,
      plainText: liveEntries.plainText,
      authorId: liveEntries.authorId,
      sectionId: articles.sectionId,
    })
    .from(liveEntries)
    .innerJoin(articles, eq(articles.id, liveEntries.articleId))
    .where(and(eq(liveEntries.id, entryId), isNull(liveEntries.deletedAt)));
  if (!entry) throw new NotFoundError(ENTRY_GONE);
  const bylines = hasRole(staff, "editor") ? [entry.authorId] : [...new Set([entry.authorId, staff.id])];
  const created = await createArticleDraft({
    headline: entry.title ?? entry.plainText.slice(0, ENTRY_HEADLINE_LENGTH).trim(),
    dek: "",
    sectionId: entry.sectionId,
    tags: [],
    bodyMdx: entry.bodyMdx,
    bylines,
  });
  if (created.status === "invalid") return { status: "invalid", message: created.message };
  if (created.status !== "saved") throw new Error(`a new draft came back ${created.status}`);
  return { status: "ok", id: created.id };
}
