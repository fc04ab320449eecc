import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { NotAuthorizedError, requireStaff } from "@/lib/auth/staff";
import { canEditArticle, canPublish, hasRole, type Staff } from "@/lib/auth/roles";
import { compileArticle, MdxCompileError, type CompiledArticle } from "@/lib/mdx/compile";
import type { MdxIssue } from "@/lib/mdx/safety";
import { articleSlug, tagSlug } from "@/lib/slugs";
import type { ReaderTag } from "@/lib/cache-tags";
import { articleModelColumns } from "../article-models";
import { getDb, type Database } from "../client";
import {
  articleBylines,
  articleReviewState,
  articleRevisions,
  articles,
  articleTags,
  sections,
  tagRedirects,
  tags,
  users,
} from "../schema";
import { recordArticlePhotos } from "./article-photos";
import { recordAudit, type AuditAction } from "./audit-log";
import { NotFoundError } from "./errors";
import { placeAsLead, releaseFrontPagePick } from "./front-page-picks";
import { findPhotosMissingText } from "./media";
import { findPublicArticles, articlesTags } from "./article-reader-tags";
import { lockTaxonomy } from "./taxonomy";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type EditorialStatus = "draft" | "scheduled" | "published";
/** A draft's standing with the editors: not sent, waiting in their queue, or sent back with a note. */
export type ReviewState = (typeof articleReviewState.enumValues)[number];
/** What the story list filters by: a status, or a draft's review ("review" is the editors' queue). */
export type NewsroomStatusFilter = EditorialStatus | "review" | "returned";
export const NEWSROOM_PAGE_SIZE = 25;

const editorialStatus = sql<EditorialStatus>`case
  when ${articles.status} = 'draft' then 'draft'
  when ${articles.publishedAt} > now() then 'scheduled'
  else 'published' end`;

export type NewsroomArticleRow = {
  id: string;
  slug: string;
  headline: string;
  status: EditorialStatus;
  reviewState: ReviewState;
  reviewRequestedAt: Date | null;
  sectionName: string;
  /** The writers, in byline order. */
  bylineNames: string[];
  updatedAt: Date;
  publishedAt: Date | null;
  /** Live coverage now: any writer may post to it from its live page. */
  isLive: boolean;
};

export type NewsroomArticleFilter = {
  status?: NewsroomStatusFilter;
  sectionSlug?: string;
  tagSlug?: string;
  authorSlug?: string;
  text?: string;
  /** Left out: oldest request first in the review queue, last edited first everywhere else. */
  sort?: "updated" | "published" | "headline" | "requested";
  page: number;
};

const statusCondition: Record<NewsroomStatusFilter, SQL> = {
  draft: sql`${articles.status} = 'draft'`,
  review: sql`${articles.status} = 'draft' and ${articles.reviewState} = 'ready'`,
  returned: sql`${articles.status} = 'draft' and ${articles.reviewState} = 'returned'`,
  scheduled: sql`${articles.status} = 'published' and ${articles.publishedAt} > now()`,
  published: sql`${articles.status} = 'published' and ${articles.publishedAt} <= now()`,
};

const sortOrder = {
  updated: [desc(articles.updatedAt)],
  requested: [asc(articles.reviewRequestedAt), asc(articles.id)],
  published: [sql`${articles.publishedAt} desc nulls last`],
  headline: [articles.headline],
};

/** Writers see the stories they are a byline on and what is published; editors and admins see everything. */
function visibleTo(staff: Staff): SQL | undefined {
  if (hasRole(staff, "editor")) return undefined;
  return or(
    inArray(
      articles.id,
      getDb().select({ id: articleBylines.articleId }).from(articleBylines).where(eq(articleBylines.userId, staff.id)),
    ),
    eq(articles.status, "published"),
  );
}

export async function listNewsroomArticles(filter: NewsroomArticleFilter) {
  const staff = await requireStaff();
  const conditions = [
    isNull(articles.deletedAt),
    visibleTo(staff),
    filter.status ? statusCondition[filter.status] : undefined,
    filter.sectionSlug ? eq(sections.slug, filter.sectionSlug) : undefined,
    filter.authorSlug
      ? inArray(
          articles.id,
          getDb()
            .select({ id: articleBylines.articleId })
            .from(articleBylines)
            .innerJoin(users, eq(users.id, articleBylines.userId))
            .where(eq(users.slug, filter.authorSlug)),
        )
      : undefined,
    filter.text ? ilike(articles.headline, `%${filter.text.replace(/[\\%_]/g, "\\$&")}%`) : undefined,
    filter.tagSlug
      ? inArray(
          articles.id,
          getDb()
            .select({ id: articleTags.articleId })
            .from(articleTags)
            .innerJoin(tags, eq(tags.id, articleTags.tagId))
            .where(eq(tags.slug, filter.tagSlug)),
        )
      : undefined,
  ];
  const where = and(...conditions);
  const base = () =>
    getDb()
      .select({
        id: articles.id,
        slug: articles.slug,
        headline: articles.headline,
        status: editorialStatus,
        reviewState: articles.reviewState,
        reviewRequestedAt: articles.reviewRequestedAt,
        sectionName: sections.name,
        bylineNames: sql<string[]>`coalesce((
          select json_agg(${users.name} order by ${articleBylines.position}) from ${articleBylines}
          inner join ${users} on ${users.id} = ${articleBylines.userId}
          where ${articleBylines.articleId} = ${articles.id}), '[]'::json)`,
        updatedAt: articles.updatedAt,
        publishedAt: articles.publishedAt,
        isLive: sql<boolean>`${articles.liveStartedAt} is not null and ${articles.liveEndedAt} is null`,
      })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId));
  const [rows, totals] = await Promise.all([
    base()
      .where(where)
      .orderBy(...sortOrder[filter.sort ?? (filter.status === "review" ? "requested" : "updated")])
      .limit(NEWSROOM_PAGE_SIZE)
      .offset((filter.page - 1) * NEWSROOM_PAGE_SIZE),
    getDb()
      .select({ total: count() })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(where),
  ]);
  const total = totals[0]?.total ?? 0;
  return {
    articles: rows as NewsroomArticleRow[],
    total,
    totalPages: Math.max(1, Math.ceil(total / NEWSROOM_PAGE_SIZE)),
  };
}

export type ArticleForEditing = {
  id: string;
  slug: string;
  slugLocked: boolean;
  headline: string;
  dek: string;
  sectionId: string;
  tags: string[];
  bodyMdx: string;
  seoTitle: string;
  seoDescription: string;
  heroMediaId: string | null;
  status: EditorialStatus;
  publishedAt: Date | null;
  version: number;
  /** The first byline: the story's owner. */
  authorId: string;
  authorName: string;
  /** Every writer named on the story, in byline order; the first is `authorId`. */
  bylines: StoryByline[];
  updatedAt: Date;
  review: ArticleReview;
};

export type StoryByline = { id: string; name: string };

export type ArticleReview = {
  state: ReviewState;
  /** When the writer sent it; kept while it waits, so the queue's order is the order of asking. */
  requestedAt: Date | null;
  /** The returning editor's note, who wrote it and when: set while the story is returned. */
  note: string | null;
  reviewedByName: string | null;
  reviewedAt: Date | null;
};

const reviewers = alias(users, "reviewers");

async function loadArticleForEditing(tx: Transaction | Database, id: string): Promise<ArticleForEditing | null> {
  const [row] = await tx
    .select({
      id: articles.id,
      slug: articles.slug,
      firstPublishedAt: articles.firstPublishedAt,
      headline: articles.headline,
      dek: articles.dek,
      sectionId: articles.sectionId,
      bodyMdx: articles.bodyMdx,
      seoTitle: articles.seoTitle,
      seoDescription: articles.seoDescription,
      heroMediaId: articles.heroMediaId,
      status: editorialStatus,
      publishedAt: articles.publishedAt,
      version: articles.version,
      authorId: articles.authorId,
      authorName: users.name,
      updatedAt: articles.updatedAt,
      review: {
        state: articles.reviewState,
        requestedAt: articles.reviewRequestedAt,
        note: articles.reviewNote,
        reviewedByName: reviewers.name,
        reviewedAt: articles.reviewedAt,
      },
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(reviewers, eq(reviewers.id, articles.reviewedById))
    .where(and(eq(articles.id, id), isNull(articles.deletedAt)))
    .limit(1);
  if (!row) return null;
  const [tagRows, bylines] = await Promise.all([
    tx
      .select({ name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, id))
      .orderBy(tags.name),
    tx
      .select({ id: users.id, name: users.name })
      .from(articleBylines)
      .innerJoin(users, eq(users.id, articleBylines.userId))
      .where(eq(articleBylines.articleId, id))
      .orderBy(articleBylines.position),
  ]);
  const { firstPublishedAt, ...rest } = row;
  return {
    ...rest,
    slugLocked: firstPublishedAt !== null,
    seoTitle: row.seoTitle ?? "",
    seoDescription: row.seoDescription ?? "",
    tags: tagRows.map((tag) => tag.name),
    bylines,
  };
}

const storedStatus = (status: EditorialStatus) => (status === "draft" ? "draft" : "published");

function assertMayEdit(staff: Staff, article: ArticleForEditing) {
  const bylineIds = article.bylines.map((byline) => byline.id);
  if (!canEditArticle(staff, { bylineIds, status: storedStatus(article.status) })) {
    throw new NotAuthorizedError(
      "forbidden",
      bylineIds.includes(staff.id)
        ? "Published stories can only be changed by an editor."
        : "You can only edit drafts that carry your byline.",
    );
  }
}

export async function getArticleForEditing({ id }: { id: string }): Promise<ArticleForEditing | null> {
  const staff = await requireStaff();
  const article = await loadArticleForEditing(getDb(), id);
  if (!article) return null;
  assertMayEdit(staff, article);
  return article;
}

export type ArticleInput = {
  headline: string;
  dek: string;
  sectionId: string;
  tags: string[];
  bodyMdx: string;
  slug?: string;
  seoTitle?: string;
  seoDescription?: string;
  heroMediaId?: string | null;
  /** The writers' user ids in byline order; left out, a new story is bylined to whoever writes it. */
  bylines?: string[];
};

type ArticleSavedPublication = "published" | "scheduled" | "unpublished" | null;

/** Why a save was refused whole: the story's text, its photos, its publication time or its bylines. */
type InvalidReason = "mdx" | "photos" | "publish-time" | "bylines";

export type ArticleWriteResult =
  | {
      status: "saved";
      id: string;
      slug: string;
      /** The story's version after this save: one more than before, whatever the button asked. */
      version: number;
      /** What the save did to what readers see, besides the text: null when it only saved. */
      publication: ArticleSavedPublication;
      /** Where the story stands after the save: a plain save leaves a published story published. */
      standing: EditorialStatus;
      /** The reader pages and documents that showed the story before, or show it now. */
      expired: ReaderTag[];
    }
  | { status: "invalid"; reason: InvalidReason; message: string; issues: MdxIssue[] }
  | { status: "conflict"; current: ArticleForEditing };

const MDX_PROBLEMS = "The story has problems to fix before it can be saved.";

async function compileOrIssues(source: string): Promise<CompiledArticle | MdxIssue[]> {
  try {
    return await compileArticle(source);
  } catch (error) {
    if (error instanceof MdxCompileError) return error.issues;
    throw error;
  }
}

async function availableSlug(tx: Transaction, wanted: string, exceptId?: string): Promise<string> {
  const base = wanted || "story";
  for (let suffix = 1; ; suffix += 1) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    const [taken] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, candidate)).limit(1);
    if (!taken || taken.id === exceptId) return candidate;
  }
}

/**
 * A tag typed by its old name (renamed or merged since) means the tag it became,
 * never a new tag taking over its old address.
 */
async function replaceArticleTags(tx: Transaction, articleId: string, names: string[]) {
  await tx.delete(articleTags).where(eq(articleTags.articleId, articleId));
  const unique = [...new Map(names.map((name) => [tagSlug(name), name.trim()])).entries()].filter(([slug]) => slug);
  if (unique.length === 0) return;
  await lockTaxonomy(tx, "tag");
  const slugs = unique.map(([slug]) => slug);
  const redirected = await tx
    .select({ oldSlug: tagRedirects.oldSlug, tagId: tagRedirects.tagId })
    .from(tagRedirects)
    .where(inArray(tagRedirects.oldSlug, slugs));
  const redirectedSlugs = new Set(redirected.map((row) => row.oldSlug));
  const fresh = unique.filter(([slug]) => !redirectedSlugs.has(slug));
  if (fresh.length > 0) {
    await tx
      .insert(tags)
      .values(fresh.map(([slug, name]) => ({ slug, name })))
      .onConflictDoNothing({ target: tags.slug });
  }
  const existing =
    fresh.length > 0
      ? await tx
          .select({ id: tags.id })
          .from(tags)
          .where(
            inArray(
              tags.slug,
              fresh.map(([slug]) => slug),
            ),
          )
      : [];
  const tagIds = new Set([...existing.map((row) => row.id), ...redirected.map((row) => row.tagId)]);
  await tx.insert(articleTags).values([...tagIds].map((tagId) => ({ articleId, tagId })));
}

const NO_WRITER = "A story needs at least one writer.";
const OWN_BYLINE_KEPT = "You cannot take your own name off a story you are writing; ask an editor.";
const UNKNOWN_WRITER =
  "One of the bylines is not a member of staff or a contributor: reload the page and choose again.";

const COLLEAGUES_KEPT =
  "Only an editor can take a colleague's name off a story or change whose name comes first: ask one.";

/**
 * The story's owner (its first byline) when these bylines may go on it, or why not. A writer edits
 * only what carries their name, so one who took it off would lock themself out of their own draft,
 * and one who took a colleague's off would lock the colleague out: both are an editor's call, as is
 * whose name leads. A writer adds colleagues and orders the ones after the first.
 */
async function checkBylines(
  tx: Transaction,
  staff: Staff,
  bylines: readonly string[],
  current: readonly string[] = [],
): Promise<{ owner: string } | { refused: ReturnType<typeof invalidArticle> }> {
  const [owner] = bylines;
  if (!owner) return { refused: invalidArticle("bylines", NO_WRITER) };
  if (!hasRole(staff, "editor")) {
    if (!bylines.includes(staff.id)) return { refused: invalidArticle("bylines", OWN_BYLINE_KEPT) };
    const dropsColleague = current.some((writer) => !bylines.includes(writer));
    if (dropsColleague || (current.length > 0 && current[0] !== owner))
      return { refused: invalidArticle("bylines", COLLEAGUES_KEPT) };
  }
  const [found] = await tx
    .select({ total: count() })
    .from(users)
    .where(inArray(users.id, [...bylines]));
  if (found?.total !== new Set(bylines).size) return { refused: invalidArticle("bylines", UNKNOWN_WRITER) };
  return { owner };
}

/** The story's writers in order. The first also owns the row (`author_id`), set in the same transaction. */
async function replaceBylines(tx: Transaction, articleId: string, bylines: readonly string[]) {
  await tx.delete(articleBylines).where(eq(articleBylines.articleId, articleId));
  await tx.insert(articleBylines).values(bylines.map((userId, position) => ({ articleId, userId, position })));
}

async function recordRevision(tx: Transaction, articleId: string, version: number, input: ArticleInput, staff: Staff) {
  await tx.insert(articleRevisions).values({
    articleId,
    version,
    headline: input.headline,
    dek: input.dek,
    bodyMdx: input.bodyMdx,
    fields: {
      sectionId: input.sectionId,
      tags: input.tags,
      seoTitle: input.seoTitle ?? "",
      seoDescription: input.seoDescription ?? "",
      heroMediaId: input.heroMediaId ?? null,
      bylines: input.bylines,
    },
    savedById: staff.id,
  });
}

/** What the editor form sets on the article row, apart from the body. */
function articleColumns(input: ArticleInput) {
  return {
    headline: input.headline,
    dek: input.dek,
    seoTitle: input.seoTitle || null,
    seoDescription: input.seoDescription || null,
    heroMediaId: input.heroMediaId || null,
    sectionId: input.sectionId,
  };
}

/** The body's source with what was compiled from it: always written together. */
function bodyColumns(bodyMdx: string, compiled: CompiledArticle) {
  return {
    bodyMdx,
    compiledCode: compiled.code,
    sourceHash: compiled.sourceHash,
    ...articleModelColumns(compiled),
  };
}

/**
 * What the button pressed asks for, besides saving the text: "review" sends a draft to the editors'
 * queue, the others change what readers see.
 */
export type PublicationIntent = "save" | "review" | "publish" | "schedule" | "unpublish";

/** A save, with the publication it asks for: one press of a button, one transaction, one version. */
export type ArticlePublication = {
  intent?: PublicationIntent;
  publishAt?: Date;
  /** With "publish": the story becomes the front page's lead in the same transaction. */
  makeLead?: boolean;
};

const PUBLICATION_AUDIT = {
  review: "article.sent-for-review",
  publish: "article.published",
  schedule: "article.scheduled",
  unpublish: "article.unpublished",
} as const satisfies Record<Exclude<PublicationIntent, "save">, AuditAction>;

const SCHEDULE_IN_THE_FUTURE = "Choose a future date and time to schedule the story.";

const invalidArticle = (reason: InvalidReason, message: string, issues: MdxIssue[] = []) =>
  ({ status: "invalid", reason, message, issues }) as const;

/** A writer's buttons; the rest are an editor's decision. */
const isWritersIntent = (intent: PublicationIntent) => intent === "save" || intent === "review";

/** Refused before anything is compiled or written: only editors publish, schedule or unpublish. */
async function staffFor(intent: PublicationIntent): Promise<Staff> {
  const staff = await requireStaff(isWritersIntent(intent) ? "writer" : "editor");
  if (!isWritersIntent(intent) && !canPublish(staff))
    throw new NotAuthorizedError("forbidden", "Only editors may publish.");
  return staff;
}

const ONLY_DRAFTS_REVIEWED = "Only a draft can be sent for review: this story is already published or scheduled.";

/**
 * Whoever may edit a draft may send it (a writer only one carrying their byline, DESIGN.md "Roles");
 * a published story, nobody.
 */
function assertMaySendForReview(intent: PublicationIntent, article: ArticleForEditing) {
  if (intent === "review" && article.status !== "draft")
    throw new NotAuthorizedError("forbidden", ONLY_DRAFTS_REVIEWED);
}

function scheduleProblem({ intent = "save", publishAt }: ArticlePublication) {
  if (intent !== "schedule") return null;
  if (publishAt && !Number.isNaN(publishAt.getTime()) && publishAt > new Date()) return null;
  return invalidArticle("publish-time", SCHEDULE_IN_THE_FUTURE);
}

/** A story whose photos lack alt text or a caption is not published: the whole save is refused, nothing written. */
async function photoProblem(intent: PublicationIntent, article: Pick<ArticleInput, "bodyMdx" | "heroMediaId">) {
  if (intent !== "publish" && intent !== "schedule") return null;
  const check = await findPhotosMissingText({ bodyMdx: article.bodyMdx, heroMediaId: article.heroMediaId || null });
  return check.message ? invalidArticle("photos", check.message) : null;
}

/** The publication columns the intent sets; `slugLocked` says whether the story was ever published. */
function publicationColumns({ intent = "save", publishAt }: ArticlePublication, slugLocked: boolean) {
  if (intent === "unpublish") return { status: "draft" as const };
  if (isWritersIntent(intent)) return {};
  const when = intent === "schedule" && publishAt ? publishAt : new Date();
  return { status: "published" as const, publishedAt: when, ...(slugLocked ? {} : { firstPublishedAt: when }) };
}

/**
 * What the press does to the story's review. Sending clears an earlier return (the audit log keeps
 * it) and keeps the story's place in the queue if it was waiting already; publishing, scheduling or
 * unpublishing takes it out of review; a plain save leaves it as it is, so a writer can go on
 * polishing a story that waits for an editor, or one returned to them, without losing its place.
 */
function reviewColumns(intent: PublicationIntent, current: ArticleReview | null) {
  if (intent === "save") return {};
  const noVerdict = { reviewNote: null, reviewedById: null, reviewedAt: null };
  if (intent === "review") {
    const requestedAt = current?.state === "ready" ? current.requestedAt : new Date();
    return { reviewState: "ready" as const, reviewRequestedAt: requestedAt, ...noVerdict };
  }
  return { reviewState: "none" as const, reviewRequestedAt: null, ...noVerdict };
}

/** What each button did to what readers see, as the save reports it. */
const PUBLICATION_DONE = {
  save: null,
  review: null,
  publish: "published",
  schedule: "scheduled",
  unpublish: "unpublished",
} as const satisfies Record<PublicationIntent, ArticleSavedPublication>;

function standingAfter(intent: PublicationIntent, before: EditorialStatus): EditorialStatus {
  if (intent === "publish") return "published";
  if (intent === "schedule") return "scheduled";
  return intent === "unpublish" ? "draft" : before;
}

async function recordArticleAudit(
  tx: Transaction,
  staff: Staff,
  articleId: string,
  intent: PublicationIntent,
  details: Record<string, unknown>,
) {
  const action = intent === "save" ? "article.saved" : PUBLICATION_AUDIT[intent];
  await recordAudit(tx, { actor: staff, action, entity: "article", entityId: articleId, details });
}

/**
 * A new story, bylined to whoever writes it unless `bylines` names its writers: a draft, unless an
 * editor pressed Publish or Schedule on the new story's form, which publishes it in the same transaction.
 */
export async function createArticleDraft(input: ArticleInput & ArticlePublication): Promise<ArticleWriteResult> {
  const { intent = "save", publishAt, makeLead, ...article } = input;
  await staffFor(intent);
  const refusal = scheduleProblem({ intent, publishAt });
  if (refusal) return refusal;
  const compiled = await compileOrIssues(article.bodyMdx);
  if (Array.isArray(compiled)) return invalidArticle("mdx", MDX_PROBLEMS, compiled);
  const photos = await photoProblem(intent, article);
  if (photos) return photos;
  // Checked again after the compile: an account disabled meanwhile writes nothing.
  const staff = await staffFor(intent);
  const bylines = article.bylines ?? [staff.id];
  return getDb().transaction(async (tx): Promise<ArticleWriteResult> => {
    const checked = await checkBylines(tx, staff, bylines);
    if ("refused" in checked) return checked.refused;
    const slug = await availableSlug(tx, article.slug || articleSlug(article.headline));
    const [created] = await tx
      .insert(articles)
      .values({
        slug,
        ...articleColumns(article),
        ...bodyColumns(article.bodyMdx, compiled),
        ...publicationColumns({ intent, publishAt }, false),
        ...reviewColumns(intent, null),
        authorId: checked.owner,
      })
      .returning({ id: articles.id, version: articles.version });
    const id = created!.id;
    await replaceBylines(tx, id, bylines);
    await replaceArticleTags(tx, id, article.tags);
    await recordArticlePhotos(tx, id);
    await recordRevision(tx, id, created!.version, { ...article, bylines }, staff);
    await recordAudit(tx, {
      actor: staff,
      action: "article.created",
      entity: "article",
      entityId: id,
      details: { slug, bylines },
    });
    await frontPageAfter(tx, staff, id, { intent, makeLead });
    if (intent !== "save") await recordArticleAudit(tx, staff, id, intent, { version: created!.version });
    const after = await findPublicArticles(tx, eq(articles.id, id));
    return {
      status: "saved",
      id,
      slug,
      version: created!.version,
      publication: PUBLICATION_DONE[intent],
      standing: standingAfter(intent, "draft"),
      expired: articlesTags(...after),
    };
  });
}

/** Changes to a story: a field left out (undefined) is kept as it is; to clear one, send it empty or null. */
export type ArticleChanges = Partial<Omit<ArticleInput, "seoTitle" | "seoDescription">> & {
  seoTitle?: string | null;
  seoDescription?: string | null;
};

/** The story as it will be after `changes`: every field left out keeps its current value. */
function withChanges(current: ArticleForEditing, changes: ArticleChanges): ArticleInput & { bylines: string[] } {
  return {
    headline: changes.headline ?? current.headline,
    dek: changes.dek ?? current.dek,
    sectionId: changes.sectionId ?? current.sectionId,
    tags: changes.tags ?? current.tags,
    bodyMdx: changes.bodyMdx ?? current.bodyMdx,
    slug: changes.slug,
    seoTitle: changes.seoTitle === undefined ? current.seoTitle : (changes.seoTitle ?? ""),
    seoDescription: changes.seoDescription === undefined ? current.seoDescription : (changes.seoDescription ?? ""),
    heroMediaId: changes.heroMediaId === undefined ? current.heroMediaId : changes.heroMediaId,
    bylines: changes.bylines ?? current.bylines.map((byline) => byline.id),
  };
}

const ARTICLE_GONE = "This story no longer exists: someone may have moved it to the trash.";

async function loadEditableArticle(
  staff: Staff,
  tx: Transaction | Database,
  id: string,
  intent: PublicationIntent = "save",
): Promise<ArticleForEditing> {
  const current = await loadArticleForEditing(tx, id);
  if (!current) throw new NotFoundError(ARTICLE_GONE);
  assertMayEdit(staff, current);
  assertMaySendForReview(intent, current);
  return current;
}

/**
 * A change to a published story is an update readers are told of (its "Updated" time, dateModified
 * in its structured data, the feeds' updated times move) or a silent fix, a typo, which moves none.
 */
export type ChangeKind = "update" | "fix";

/** A save over the version read, with what the button asked for; no version means over whatever is current. */
type ArticleChange = ArticleChanges &
  ArticlePublication & { id: string; expectedVersion?: number; changeKind?: ChangeKind };

/**
 * Only a plain save of a story readers already see can be an update. Publishing dates the story
 * afresh, so an earlier update time would read as older than its publication: it is dropped.
 */
function revisionColumns(intent: PublicationIntent, standing: EditorialStatus, kind: ChangeKind) {
  if (intent === "publish" || intent === "schedule") return { revisedAt: null };
  return intent === "save" && standing === "published" && kind === "update" ? { revisedAt: new Date() } : {};
}

/** What the publication does to the front page: "make this the lead" pins it; unpublishing lets its pick go. */
async function frontPageAfter(tx: Transaction, staff: Staff, id: string, { intent, makeLead }: ArticlePublication) {
  if (intent === "publish" && makeLead) await placeAsLead(tx, staff, id);
  if (intent === "unpublish") await releaseFrontPagePick(tx, id);
}

async function changeArticle({
  id,
  expectedVersion,
  intent = "save",
  publishAt,
  makeLead,
  changeKind = "update",
  ...changes
}: ArticleChange) {
  const loaded = await loadEditableArticle(await staffFor(intent), getDb(), id, intent);
  const refusal = scheduleProblem({ intent, publishAt });
  if (refusal) return refusal;
  const compiled = changes.bodyMdx === undefined ? null : await compileOrIssues(changes.bodyMdx);
  if (Array.isArray(compiled)) return invalidArticle("mdx", MDX_PROBLEMS, compiled);
  const photos = await photoProblem(intent, withChanges(loaded, changes));
  if (photos) return photos;
  const staff = await staffFor(intent);
  return getDb().transaction(async (tx): Promise<ArticleWriteResult> => {
    // The tag lock before the story's row, in the order a tag merge or delete takes them, so
    // neither waits on the other in a circle (PostgreSQL would end one with a deadlock error).
    if (changes.tags !== undefined) await lockTaxonomy(tx, "tag");
    await tx.execute(sql`select 1 from ${articles} where ${articles.id} = ${id} for update`);
    const current = await loadEditableArticle(staff, tx, id, intent);
    // The photos were checked against the story as it was read: a save in between asks for a merge first.
    const read = expectedVersion ?? (intent === "unpublish" ? current.version : loaded.version);
    if (current.version !== read) return { status: "conflict", current };
    const before = await findPublicArticles(tx, eq(articles.id, id));

    const input = withChanges(current, changes);
    const { bylines } = input;
    const checked =
      changes.bylines === undefined
        ? { owner: current.authorId }
        : await checkBylines(
            tx,
            staff,
            bylines,
            current.bylines.map((byline) => byline.id),
          );
    if ("refused" in checked) return checked.refused;
    const slug = current.slugLocked ? current.slug : await availableSlug(tx, input.slug || current.slug, id);
    const version = current.version + 1;
    await tx
      .update(articles)
      .set({
        slug,
        ...articleColumns(input),
        ...(compiled ? bodyColumns(input.bodyMdx, compiled) : {}),
        ...publicationColumns({ intent, publishAt }, current.slugLocked),
        ...reviewColumns(intent, current.review),
        ...revisionColumns(intent, current.status, changeKind),
        authorId: checked.owner,
        version,
        updatedAt: new Date(),
      })
      .where(eq(articles.id, id));
    if (changes.bylines !== undefined) await replaceBylines(tx, id, bylines);
    if (changes.tags !== undefined) await replaceArticleTags(tx, id, input.tags);
    await recordArticlePhotos(tx, id);
    await recordRevision(tx, id, version, input, staff);
    await frontPageAfter(tx, staff, id, { intent, makeLead });
    const published = intent === "save" && current.status === "published";
    await recordArticleAudit(tx, staff, id, intent, {
      version,
      ...(published ? { changeKind } : {}),
      ...(changes.bylines ? { bylines } : {}),
    });
    const after = await findPublicArticles(tx, eq(articles.id, id));
    return {
      status: "saved",
      id,
      slug,
      version,
      publication: PUBLICATION_DONE[intent],
      standing: standingAfter(intent, current.status),
      expired: articlesTags(...before, ...after),
    };
  });
}

/**
 * Saves over the version the editor loaded and, in the same transaction, publishes, schedules or
 * unpublishes it as the button asked: one version, one revision, one audit entry. If someone saved
 * in between, nothing is written and the caller gets the current text to compare and merge with;
 * if a photo the published story would show lacks alt text or a caption, nothing is written either.
 * Who may edit the story is decided before its text is compiled, and again under the lock.
 */
export async function saveArticle(change: ArticleChange & { expectedVersion: number }): Promise<ArticleWriteResult> {
  return changeArticle(change);
}

export type PublicationResult =
  | { status: "published" | "scheduled"; slug: string; version: number; expired: ReaderTag[] }
  | { status: "invalid"; message: string };

/**
 * Publishes the story as it stands, now or at `publishAt` (readers see a scheduled story when its
 * time comes): the same single transaction as saving with the Publish or Schedule button.
 */
export async function publishArticle({ id, publishAt }: { id: string; publishAt?: Date }): Promise<PublicationResult> {
  const result = await changeArticle({ id, intent: publishAt ? "schedule" : "publish", publishAt });
  if (result.status === "invalid") return { status: "invalid", message: result.message };
  if (result.status === "conflict") return { status: "invalid", message: CHANGED_MEANWHILE };
  const { slug, version, expired } = result;
  return { status: publishAt ? "scheduled" : "published", slug, version, expired };
}

const CHANGED_MEANWHILE = "Someone saved this story meanwhile: open it again before publishing.";

/** Takes the story away from readers: it becomes a draft again, in one transaction and one version. */
export async function unpublishArticle({ id }: { id: string }) {
  const result = await changeArticle({ id, intent: "unpublish" });
  if (result.status !== "saved") throw new Error(`an unpublish with no changes came back ${result.status}`);
  return { slug: result.slug, version: result.version, expired: result.expired };
}

export type ReturnToWriterResult =
  | { status: "returned"; version: number }
  | { status: "invalid"; message: string }
  | { status: "conflict"; current: ArticleForEditing };

const NOT_WAITING =
  "This story is not waiting for review: it may have been published, or returned by someone else, meanwhile.";

/**
 * An editor sends a story that waits for review back to its writer with a note, over the version
 * they read. The text is unchanged, so no revision is kept and readers see nothing, but the version
 * moves on: a save made meanwhile turns the return back, rather than the note answering text the
 * editor never read, and a writer's form open from before learns of the note when it next saves.
 */
export async function returnArticleToWriter({
  id,
  expectedVersion,
  note,
}: {
  id: string;
  expectedVersion: number;
  note: string;
}): Promise<ReturnToWriterResult> {
  const staff = await requireStaff("editor");
  if (!canPublish(staff)) throw new NotAuthorizedError("forbidden", "Only editors may return a story to its writer.");
  const text = note.trim();
  if (!text) return { status: "invalid", message: "Write a note telling the writer what to change." };
  return getDb().transaction(async (tx): Promise<ReturnToWriterResult> => {
    await tx.execute(sql`select 1 from ${articles} where ${articles.id} = ${id} for update`);
    const current = await loadArticleForEditing(tx, id);
    if (!current) throw new NotFoundError(ARTICLE_GONE);
    if (current.version !== expectedVersion) return { status: "conflict", current };
    if (current.review.state !== "ready") return { status: "invalid", message: NOT_WAITING };
    const version = current.version + 1;
    await tx
      .update(articles)
      .set({
        reviewState: "returned",
        reviewRequestedAt: null,
        reviewNote: text,
        reviewedById: staff.id,
        reviewedAt: new Date(),
        version,
      })
      .where(eq(articles.id, id));
    await recordAudit(tx, {
      actor: staff,
      action: "article.returned",
      entity: "article",
      entityId: id,
      details: { version, note: text },
    });
    return { status: "returned", version };
  });
}

export type ArticleRevisionSummary = {
  id: string;
  version: number;
  headline: string;
  savedByName: string | null;
  createdAt: Date;
};

export async function listArticleRevisions({ id }: { id: string }): Promise<ArticleRevisionSummary[]> {
  const article = await getArticleForEditing({ id });
  if (!article) return [];
  return getDb()
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      headline: articleRevisions.headline,
      savedByName: users.name,
      createdAt: articleRevisions.createdAt,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.savedById))
    .where(eq(articleRevisions.articleId, id))
    .orderBy(desc(articleRevisions.version));
}

export type ArticleRevisionText = {
  version: number;
  headline: string;
  dek: string;
  bodyMdx: string;
  savedByName: string | null;
  createdAt: Date;
};

/** Two saved versions of a story, to compare; null when the story or either version is not there. */
export async function getArticleRevisionPair({
  id,
  from,
  to,
}: {
  id: string;
  from: number;
  to: number;
}): Promise<{ from: ArticleRevisionText; to: ArticleRevisionText } | null> {
  const article = await getArticleForEditing({ id });
  if (!article) return null;
  const rows = await getDb()
    .select({
      version: articleRevisions.version,
      headline: articleRevisions.headline,
      dek: articleRevisions.dek,
      bodyMdx: articleRevisions.bodyMdx,
      savedByName: users.name,
      createdAt: articleRevisions.createdAt,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.savedById))
    .where(and(eq(articleRevisions.articleId, id), inArray(articleRevisions.version, [from, to])));
  const older = rows.find((row) => row.version === from);
  const newer = rows.find((row) => row.version === to);
  return older && newer ? { from: older, to: newer } : null;
}

/** Restoring is itself a save: the restored text becomes a new revision, and nothing in between is lost. */
export async function restoreArticleRevision({
  id,
  revisionId,
  expectedVersion,
}: {
  id: string;
  revisionId: string;
  expectedVersion: number;
}): Promise<ArticleWriteResult> {
  const article = await getArticleForEditing({ id });
  if (!article) throw new NotFoundError(ARTICLE_GONE);
  const [revision] = await getDb()
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, id)))
    .limit(1);
  if (!revision) throw new NotFoundError("That revision does not belong to this story.");
  const fields = revision.fields as {
    sectionId?: string;
    tags?: string[];
    seoTitle?: string;
    seoDescription?: string;
    heroMediaId?: string | null;
    bylines?: string[];
  };
  return saveArticle({
    id,
    expectedVersion,
    headline: revision.headline,
    dek: revision.dek,
    bodyMdx: revision.bodyMdx,
    sectionId: fields.sectionId ?? article.sectionId,
    tags: fields.tags ?? article.tags,
    seoTitle: fields.seoTitle,
    seoDescription: fields.seoDescription,
    heroMediaId: fields.heroMediaId === undefined ? article.heroMediaId : fields.heroMediaId,
    // Revisions from before bylines were kept restore the text and leave the writers as they are.
    bylines: fields.bylines,
  });
}

/**
 * The sections, tags and writers (staff and guest contributors) the editor offers. Any signed-in
 * staff member may read them.
 */
export async function listEditorChoices() {
  await requireStaff();
  const [sectionRows, tagRows, authorRows] = await Promise.all([
    getDb()
      .select({ id: sections.id, name: sections.name, slug: sections.slug })
      .from(sections)
      .orderBy(sections.position, sections.name),
    getDb().select({ name: tags.name, slug: tags.slug }).from(tags).orderBy(tags.name),
    getDb().select({ id: users.id, name: users.name, slug: users.slug }).from(users).orderBy(users.name),
  ]);
  return { sections: sectionRows, tags: tagRows, authors: authorRows };
}

/** Writers may bin the drafts they are a byline on; editors anything. Nothing is erased: an admin can restore it. */
export async function moveArticleToTrash({ id }: { id: string }): Promise<{ expired: ReaderTag[] }> {
  const staff = await requireStaff();
  return getDb().transaction(async (tx) => {
    const current = await loadArticleForEditing(tx, id);
    if (!current) throw new NotFoundError("This story is already in the trash or does not exist.");
    assertMayEdit(staff, current);
    const before = await findPublicArticles(tx, eq(articles.id, id));
    await tx
      .update(articles)
      .set({ deletedAt: new Date(), updatedAt: new Date(), version: sql`${articles.version} + 1` })
      .where(eq(articles.id, id));
    await releaseFrontPagePick(tx, id);
    await recordAudit(tx, {
      actor: staff,
      action: "article.trashed",
      entity: "article",
      entityId: id,
      details: { slug: current.slug, wasStatus: current.status },
    });
    return { expired: articlesTags(...before) };
  });
}

export type TrashedArticle = { id: string; headline: string; authorName: string; deletedAt: Date };

export async function listTrashedArticles(): Promise<TrashedArticle[]> {
  await requireStaff("admin");
  const rows = await getDb()
    .select({ id: articles.id, headline: articles.headline, authorName: users.name, deletedAt: articles.deletedAt })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .where(sql`${articles.deletedAt} is not null`)
    .orderBy(desc(articles.deletedAt));
  return rows.map((row) => ({ ...row, deletedAt: row.deletedAt ?? new Date(0) }));
}

/** Restored stories come back as drafts: an editor decides whether they are published again. */
export async function restoreArticleFromTrash({ id }: { id: string }): Promise<void> {
  const staff = await requireStaff("admin");
  await getDb().transaction(async (tx) => {
    const [restored] = await tx
      .update(articles)
      // A draft back from the trash starts again: it waits in nobody's review queue until sent again.
      .set({
        deletedAt: null,
        status: "draft",
        reviewState: "none",
        reviewRequestedAt: null,
        updatedAt: new Date(),
        version: sql`${articles.version} + 1`,
      })
      .where(and(eq(articles.id, id), sql`${articles.deletedAt} is not null`))
      .returning({ id: articles.id });
    if (!restored) throw new NotFoundError("That story is not in the trash.");
    await recordAudit(tx, { actor: staff, action: "article.restored-from-trash", entity: "article", entityId: id });
  });
}
