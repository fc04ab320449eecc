import "server-only";
import { and, count, desc, sql } from "drizzle-orm";
import { getDb } from "../client";
import { articles } from "../schema";
import { isPublicArticle, selectArticleSummaries, toArticleSummary, type ArticleSummary } from "./public-articles";

export const SEARCH_PAGE_SIZE = 20;

// Control characters cannot occur in stored text, so they mark the highlights unambiguously
// and the page can wrap them in <mark> without ever trusting HTML from the database.
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_STOP = "\u0003";
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

export type SearchResult = ArticleSummary & { snippet: string };
export type SearchResults = { results: SearchResult[]; total: number; page: number; totalPages: number };

/** Full-text search over published stories, in web-search syntax ("exact phrase", -without, or). */
export async function searchArticles({ query, page }: { query: string; page: number }): Promise<SearchResults> {
  const tsQuery = sql`websearch_to_tsquery('english', ${query})`;
  const matches = and(isPublicArticle, sql`${articles.search} @@ ${tsQuery}`);
  const rank = sql<number>`ts_rank_cd(${articles.search}, ${tsQuery})`;
  const [rows, totals] = await Promise.all([
    selectArticleSummaries({
      snippet: sql<string>`ts_headline('english', ${articles.plainText}, ${tsQuery}, ${HEADLINE_OPTIONS})`,
    })
      .where(matches)
      .orderBy(desc(rank), desc(articles.publishedAt))
      .limit(SEARCH_PAGE_SIZE)
      .offset((page - 1) * SEARCH_PAGE_SIZE),
    getDb().select({ total: count() }).from(articles).where(matches),
  ]);
  const total = totals[0]?.total ?? 0;
  return {
    results: rows.map((row) => ({ ...toArticleSummary(row), snippet: row.snippet })),
    total,
    page,
    totalPages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
  };
}
