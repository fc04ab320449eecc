import "server-only";
import { and, count, desc, eq, gte, sql } from "drizzle-orm";
import { routes } from "@/lib/routes";
import { getReaderDb } from "../client";
import { articleBylines, articles, articleTags, sections, tags, users } from "../schema";
import { isPublicArticle } from "./public-articles";

export type SitemapEntry = { path: string; lastModified: Date | null };

// When readers were last told a story changed: a silent fix or a staff-only save does not count.
const lastRevised = sql<Date>`coalesce(${articles.revisedAt}, ${articles.publishedAt})`;
const newestRevision = sql<Date | null>`max(${lastRevised})`.mapWith(articles.publishedAt);

/** Sections, tags and writers that have published stories, each dated by its newest one. */
export async function listSitemapListings(): Promise<SitemapEntry[]> {
  const db = getReaderDb();
  const [sectionRows, tagRows, authors] = await Promise.all([
    db
      .select({ slug: sections.slug, lastModified: newestRevision })
      .from(sections)
      .leftJoin(articles, and(eq(articles.sectionId, sections.id), isPublicArticle))
      .groupBy(sections.id, sections.slug, sections.position)
      .orderBy(sections.position),
    db
      .select({ slug: tags.slug, lastModified: newestRevision })
      .from(tags)
      .innerJoin(articleTags, eq(articleTags.tagId, tags.id))
      .innerJoin(articles, and(eq(articles.id, articleTags.articleId), isPublicArticle))
      .groupBy(tags.id, tags.slug)
      .orderBy(tags.slug),
    db
      .select({ slug: users.slug, lastModified: newestRevision })
      .from(users)
      .innerJoin(articleBylines, eq(articleBylines.userId, users.id))
      .innerJoin(articles, and(eq(articles.id, articleBylines.articleId), isPublicArticle))
      .groupBy(users.id, users.slug)
      .orderBy(users.slug),
  ]);
  return [
    ...sectionRows.map((row) => ({ path: routes.section(row.slug), lastModified: row.lastModified })),
    ...tagRows.map((row) => ({ path: routes.tag(row.slug), lastModified: row.lastModified })),
    ...authors.map((row) => ({ path: routes.author(row.slug), lastModified: row.lastModified })),
  ];
}

export async function countSitemapArticles(): Promise<number> {
  const [row] = await getReaderDb().select({ total: count() }).from(articles).where(isPublicArticle);
  return row?.total ?? 0;
}

export async function listSitemapArticles({
  offset,
  limit,
}: {
  offset: number;
  limit: number;
}): Promise<SitemapEntry[]> {
  const rows = await getReaderDb()
    .select({ slug: articles.slug, lastModified: sql<Date | null>`${lastRevised}`.mapWith(articles.publishedAt) })
    .from(articles)
    .where(isPublicArticle)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .offset(offset)
    .limit(limit);
  return rows.map((row) => ({ path: routes.article(row.slug), lastModified: row.lastModified }));
}

export type NewsSitemapArticle = { slug: string; headline: string; publishedAt: Date };

/** Google News wants only the last two days' stories, at most 1,000. */
export async function listRecentNewsArticles(): Promise<NewsSitemapArticle[]> {
  const rows = await getReaderDb()
    .select({ slug: articles.slug, headline: articles.headline, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(isPublicArticle, gte(articles.publishedAt, sql`now() - interval '48 hours'`)))
    .orderBy(desc(articles.publishedAt))
    .limit(1_000);
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt ?? new Date(0) }));
}
