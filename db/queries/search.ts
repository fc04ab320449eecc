import "server-only";
import { and, count, desc, inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import { articles } from "../schema";
import type { Transaction } from "./staff";
import { isPublicArticle, selectArticleSummaries, toArticleSummary, type ArticleSummary } from "./public-articles";

export const SEARCH_PAGE_SIZE = 20;

// Control characters cannot occur in stored text, so they mark the highlights unambiguously
// and the page can wrap them in <mark> without ever trusting HTML from the database.
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_STOP = "\u0003";
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

export type SearchResult = ArticleSummary & { snippet: string };
export type SearchResults = { results: SearchResult[]; total: number; page: number; totalPages: number };

/**
 * Relevance is ranked among the newest matches only: ranking reads every candidate's search
 * vector, and a common word matches most of a decade's archive. For news, the newest few hundred
 * matches are the ones a reader is after; the total still counts every match.
 */
export const RANKED_MATCHES = 200;

/** Past this many matches the page says "1,000 or more": counting every match of a common word costs more than it tells. */
export const COUNTED_MATCHES = 1_000;

/**
 * PostgreSQL prices a sequential scan without the cost of unpacking each row's stored search
 * vector, so on a large archive it picks one over the GIN index and takes seconds. Searches run
 * with sequential scans priced out, inside their own transaction.
 */
async function withIndexScans<Result>(run: (tx: Transaction) => Promise<Result>) {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return run(tx);
  });
}

/** Full-text search over published stories, in web-search syntax ("exact phrase", -without, or). */
export async function searchArticles({ query, page }: { query: string; page: number }): Promise<SearchResults> {
  const tsQuery = sql`websearch_to_tsquery('english', ${query})`;
  const matches = and(isPublicArticle, sql`${articles.search} @@ ${tsQuery}`);
  const rank = sql<number>`ts_rank_cd(${articles.search}, ${tsQuery})`;
  return withIndexScans(async (tx) => {
    const newestMatches = tx.select({ id: articles.id }).from(articles).where(matches).orderBy(desc(articles.publishedAt)).limit(RANKED_MATCHES);
    const rows = await selectArticleSummaries({
      snippet: sql<string>`ts_headline('english', ${articles.plainText}, ${tsQuery}, ${HEADLINE_OPTIONS})`,
    }, tx)
      .where(inArray(articles.id, newestMatches))
      .orderBy(desc(rank), desc(articles.publishedAt))
      .limit(SEARCH_PAGE_SIZE)
      .offset((page - 1) * SEARCH_PAGE_SIZE);
    const countedMatches = tx.select({ id: articles.id }).from(articles).where(matches).limit(COUNTED_MATCHES).as("counted");
    const [totals] = await tx.select({ total: count() }).from(countedMatches);
    const total = totals?.total ?? 0;
    return {
      results: rows.map((row) => ({ ...toArticleSummary(row), snippet: row.snippet })),
      total,
      page,
      totalPages: Math.max(1, Math.ceil(Math.min(total, RANKED_MATCHES) / SEARCH_PAGE_SIZE)),
    };
  });
}
