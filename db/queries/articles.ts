import "server-only";
import { and, count, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { articles, articleTags, categories, tags, users } from "../schema";
import {
  isPublicArticle,
  selectArticleSummaries,
  toArticleSummary,
  type ArticleSummary,
} from "./public-articles";

export type { ArticleSummary, LeadPhoto } from "./public-articles";

export const PAGE_SIZE = 20;

export type ArticlePage = { articles: ArticleSummary[]; page: number; totalPages: number; total: number };

const selectSummaries = () => selectArticleSummaries({});

const newestFirst = [desc(articles.publishedAt), desc(articles.id)] as const;

export async function listLatestArticles({ limit }: { limit: number }): Promise<ArticleSummary[]> {
  const rows = await selectSummaries()
    .where(isPublicArticle)
    .orderBy(...newestFirst)
    .limit(limit);
  return rows.map(toArticleSummary);
}

async function pageOf(filter: SQL, page: number): Promise<ArticlePage> {
  const where = and(isPublicArticle, filter);
  const [rows, totals] = await Promise.all([
    selectSummaries()
      .where(where)
      .orderBy(...newestFirst)
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    getDb().select({ total: count() }).from(articles).where(where),
  ]);
  const total = totals[0]?.total ?? 0;
  return {
    articles: rows.map(toArticleSummary),
    page,
    total,
    totalPages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

export async function listSectionArticles({ sectionId, page }: { sectionId: string; page: number }) {
  return pageOf(eq(articles.categoryId, sectionId), page);
}

export async function listTagArticles({ tagId, page }: { tagId: string; page: number }) {
  const taggedArticles = getDb()
    .select({ id: articleTags.articleId })
    .from(articleTags)
    .where(eq(articleTags.tagId, tagId));
  return pageOf(inArray(articles.id, taggedArticles), page);
}

export async function listAuthorArticles({ authorId, page }: { authorId: string; page: number }) {
  return pageOf(eq(articles.authorId, authorId), page);
}

/** The newest stories of each section, for the home page's section blocks. */
export async function listSectionFronts({ perSection }: { perSection: number }) {
  const sections = await getDb()
    .select({ id: categories.id, slug: categories.slug, name: categories.name })
    .from(categories)
    .orderBy(categories.position, categories.name);
  const fronts = await Promise.all(
    sections.map(async (section) => {
      const rows = await selectSummaries()
        .where(and(isPublicArticle, eq(articles.categoryId, section.id)))
        .orderBy(...newestFirst)
        .limit(perSection);
      return { section: { slug: section.slug, name: section.name }, articles: rows.map(toArticleSummary) };
    }),
  );
  return fronts.filter((front) => front.articles.length > 0);
}

export type PublishedArticle = ArticleSummary & {
  code: string;
  sourceHash: string;
  seoTitle: string | null;
  seoDescription: string | null;
  sectionId: string;
  authorBio: string | null;
  tags: Array<{ slug: string; name: string }>;
};

export async function getPublishedArticle({ slug }: { slug: string }): Promise<PublishedArticle | null> {
  const [row] = await selectArticleSummaries({
    code: articles.compiledCode,
    sourceHash: articles.sourceHash,
    seoTitle: articles.seoTitle,
    seoDescription: articles.seoDescription,
    sectionId: articles.categoryId,
    authorBio: users.bio,
  })
    .where(and(isPublicArticle, eq(articles.slug, slug)))
    .limit(1);
  if (!row) return null;
  const articleTagRows = await getDb()
    .select({ slug: tags.slug, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, row.id))
    .orderBy(tags.name);
  return {
    ...toArticleSummary(row),
    code: row.code,
    sourceHash: row.sourceHash,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    sectionId: row.sectionId,
    authorBio: row.authorBio,
    tags: articleTagRows,
  };
}

/** Stories that share the most tags with this one, then the newest from its section. */
export async function listRelatedArticles({
  articleId,
  sectionId,
  limit,
}: {
  articleId: string;
  sectionId: string;
  limit: number;
}): Promise<ArticleSummary[]> {
  const sharedTags = getDb()
    .select({ articleId: articleTags.articleId, shared: count().as("shared") })
    .from(articleTags)
    .where(
      and(
        ne(articleTags.articleId, articleId),
        sql`${articleTags.tagId} in (select ${articleTags.tagId} from ${articleTags} where ${articleTags.articleId} = ${articleId})`,
      ),
    )
    .groupBy(articleTags.articleId)
    .as("shared_tags");
  const rows = await selectSummaries()
    .leftJoin(sharedTags, eq(sharedTags.articleId, articles.id))
    .where(
      and(
        isPublicArticle,
        ne(articles.id, articleId),
        sql`(${sharedTags.shared} is not null or ${articles.categoryId} = ${sectionId})`,
      ),
    )
    .orderBy(sql`coalesce(${sharedTags.shared}, 0) desc`, ...newestFirst)
    .limit(limit);
  return rows.map(toArticleSummary);
}
