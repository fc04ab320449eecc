import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { isSlug } from "@/lib/slugs";
import { getReaderDb } from "../client";
import { articleBylines, articles, articleTags, sections, tags } from "../schema";
import { findArticleNotes, type ArticleNoteForReaders } from "./published-notes";
import { findGraphicPhotos } from "./graphic-photos";
import { isPublicArticle, selectArticleSummaries, toArticleSummary, type ArticleSummary } from "./public-articles";

export type { ArticleSummary, LeadPhoto } from "./public-articles";

export const PAGE_SIZE = 20;

/**
 * One page of a reader list, newest first. `before` is the id of the story the page continues
 * after (a keyset, so page 500 costs what page 1 costs); `newerCursor` is null when the newer
 * page is the list's first page and `undefined` when this is the first page.
 */
export type ArticleListPage = {
  articles: ArticleSummary[];
  olderCursor: string | null;
  newerCursor: string | null | undefined;
};

const selectSummaries = () => selectArticleSummaries({});

const newestFirst = [desc(articles.publishedAt), desc(articles.id)] as const;

export async function listLatestArticles({ limit }: { limit: number }): Promise<ArticleSummary[]> {
  const rows = await selectSummaries()
    .where(isPublicArticle)
    .orderBy(...newestFirst)
    .limit(limit);
  return rows.map(toArticleSummary);
}

/**
 * The keyset of a cursor story, read in the same statement. The story must belong to the list,
 * so a made-up cursor finds nothing (a 404) rather than minting a new page for the cache.
 */
const keysetOf = (filter: SQL, cursor: string) =>
  sql`(select ${articles.publishedAt}, ${articles.id} from ${articles}
    where ${and(eq(articles.id, cursor), isPublicArticle, filter)})`;

async function newerCursorOf(filter: SQL, firstOnPage: string): Promise<string | null> {
  const newer = await getReaderDb()
    .select({ id: articles.id })
    .from(articles)
    .where(
      and(isPublicArticle, filter, sql`(${articles.publishedAt}, ${articles.id}) > ${keysetOf(filter, firstOnPage)}`),
    )
    .orderBy(asc(articles.publishedAt), asc(articles.id))
    .offset(PAGE_SIZE)
    .limit(1);
  return newer[0]?.id ?? null;
}

async function articleListPage(filter: SQL, before: string | undefined): Promise<ArticleListPage> {
  const after =
    before === undefined ? undefined : sql`(${articles.publishedAt}, ${articles.id}) < ${keysetOf(filter, before)}`;
  const rows = await selectSummaries()
    .where(and(isPublicArticle, filter, after))
    .orderBy(...newestFirst)
    .limit(PAGE_SIZE + 1);
  const summaries = rows.slice(0, PAGE_SIZE).map(toArticleSummary);
  const first = summaries[0];
  const last = summaries.at(-1);
  return {
    articles: summaries,
    olderCursor: rows.length > PAGE_SIZE && last ? last.id : null,
    newerCursor: before === undefined || !first ? undefined : await newerCursorOf(filter, first.id),
  };
}

type ListRequest = { before?: string };

/** A section's stories, newest first; none when `before` names no story of the section. */
export async function listSectionArticles({ sectionId, before }: ListRequest & { sectionId: string }) {
  return articleListPage(eq(articles.sectionId, sectionId), before);
}

export async function listTagArticles({ tagId, before }: ListRequest & { tagId: string }) {
  const taggedArticles = getReaderDb()
    .select({ id: articleTags.articleId })
    .from(articleTags)
    .where(eq(articleTags.tagId, tagId));
  return articleListPage(inArray(articles.id, taggedArticles), before);
}

/** Every story the writer is a byline on, first-named or not. */
export async function listAuthorArticles({ authorId, before }: ListRequest & { authorId: string }) {
  const bylinedArticles = getReaderDb()
    .select({ id: articleBylines.articleId })
    .from(articleBylines)
    .where(eq(articleBylines.userId, authorId));
  return articleListPage(inArray(articles.id, bylinedArticles), before);
}

export type PublishedArticle = ArticleSummary & {
  code: string;
  sourceHash: string;
  seoTitle: string | null;
  seoDescription: string | null;
  sectionId: string;
  /** Whether the story's section dates its old stories ("This article is more than N years old"). */
  sectionShowsAgeNotice: boolean;
  tags: Array<{ slug: string; name: string }>;
  /** The story's graphic photos (lead or in the body), by photo id, each with its warning. */
  graphicPhotos: Record<string, string>;
  /** Its corrections, clarifications and update notes, oldest first. */
  notes: ArticleNoteForReaders[];
  /** Live coverage: when it began (null for an ordinary story) and when it ended (null while live). */
  live: { startedAt: Date; endedAt: Date | null } | null;
};

/** Null for a slug no story could have, from a reader's URL, without a query. */
export async function getPublishedArticle({ slug }: { slug: string }): Promise<PublishedArticle | null> {
  if (!isSlug(slug)) return null;
  const [row] = await selectArticleSummaries({
    code: articles.compiledCode,
    sourceHash: articles.sourceHash,
    seoTitle: articles.seoTitle,
    seoDescription: articles.seoDescription,
    sectionId: articles.sectionId,
    sectionShowsAgeNotice: sections.showsAgeNotice,
    liveStartedAt: articles.liveStartedAt,
    liveEndedAt: articles.liveEndedAt,
  })
    .where(and(isPublicArticle, eq(articles.slug, slug)))
    .limit(1);
  if (!row) return null;
  const [articleTagRows, graphicPhotos, notes] = await Promise.all([
    getReaderDb()
      .select({ slug: tags.slug, name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, row.id))
      .orderBy(tags.name),
    findGraphicPhotos([row.id]),
    findArticleNotes([row.id]),
  ]);
  return {
    ...toArticleSummary(row),
    code: row.code,
    sourceHash: row.sourceHash,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    sectionId: row.sectionId,
    sectionShowsAgeNotice: row.sectionShowsAgeNotice,
    tags: articleTagRows,
    graphicPhotos: graphicPhotos.get(row.id) ?? {},
    notes: notes.get(row.id) ?? [],
    live: row.liveStartedAt ? { startedAt: row.liveStartedAt, endedAt: row.liveEndedAt } : null,
  };
}

// Related stories are chosen among the section's stories published around this one: scoring a
// whole decade of a busy section by shared tags would make every uncached article page slow.
const RELATED_EARLIER = 300;
const RELATED_LATER = 100;

/**
 * Stories of the same section published around this one, those sharing the most tags with it
 * first, then the newest. Two short walks of the section's keyset index bound the work.
 */
export async function listRelatedArticles({
  articleId,
  sectionId,
  limit,
}: {
  articleId: string;
  sectionId: string;
  limit: number;
}): Promise<ArticleSummary[]> {
  const inSection = eq(articles.sectionId, sectionId);
  const anchor = keysetOf(inSection, articleId);
  const neighbours = (direction: "earlier" | "later") =>
    sql`(${getReaderDb()
      .select({ id: articles.id })
      .from(articles)
      .where(
        and(
          isPublicArticle,
          inSection,
          sql`(${articles.publishedAt}, ${articles.id}) ${sql.raw(direction === "earlier" ? "<" : ">")} ${anchor}`,
        ),
      )
      .orderBy(...(direction === "earlier" ? newestFirst : [asc(articles.publishedAt), asc(articles.id)]))
      .limit(direction === "earlier" ? RELATED_EARLIER : RELATED_LATER)})`;
  const sharedTags = sql<number>`(select count(*) from ${articleTags} shared
    where shared.article_id = ${articles.id}
    and shared.tag_id in (select own.tag_id from ${articleTags} own where own.article_id = ${articleId}))`;
  const rows = await selectSummaries()
    .where(sql`${articles.id} in (${neighbours("earlier")} union all ${neighbours("later")})`)
    .orderBy(desc(sharedTags), ...newestFirst)
    .limit(limit);
  return rows.map(toArticleSummary);
}
