import "server-only";
import { and, desc, inArray, sql } from "drizzle-orm";
import { readerTransaction } from "../client";
import { articles } from "../schema";
import type { Transaction } from "./staff";
import { isPublicArticle, selectArticleSummaries, toArticleSummary, type ArticleSummary } from "./public-articles";

export const SEARCH_PAGE_SIZE = 20;

// Control characters cannot occur in stored text, so they mark the highlights unambiguously
// and the page can wrap them in <mark> without ever trusting HTML from the database.
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_STOP = "\u0003";
const HEADLINE_OPTIONS =
  `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, ` +
  `MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

export type SearchResult = ArticleSummary & { snippet: string };
export type SearchResults = { results: SearchResult[]; total: number; page: number; totalPages: number };

/**
 * Relevance is ranked among the newest matches only: ranking reads every candidate's search
 * vector, and a common word matches most of a decade's archive. For news, the newest few hundred
 * matches are the ones a reader is after; the total still counts every match.
 */
export const RANKED_MATCHES = 200;

/**
 * PostgreSQL prices scanning rows without the cost of unpacking each one's stored search vector,
 * so on a large archive it walks the table or the date index testing every row, for seconds.
 * Searches therefore find their matches through the GIN index alone: sequential scans are priced
 * out for the transaction, and the matching step is planned on its own (`offset 0` keeps the
 * planner from folding the date order into it).
 */
async function withIndexScans<Result>(run: (tx: Transaction) => Promise<Result>) {
  return readerTransaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return run(tx);
  });
}

/** Full-text search over published stories, in web-search syntax ("exact phrase", -without, or). */
export async function searchArticles({ query, page }: { query: string; page: number }): Promise<SearchResults> {
  const tsQuery = sql`websearch_to_tsquery('english', ${query})`;
  const rank = sql<number>`ts_rank_cd(${articles.search}, ${tsQuery})`;
  return withIndexScans(async (tx) => {
    const matching = tx
      .select({ id: articles.id, publishedAt: articles.publishedAt })
      .from(articles)
      .where(and(isPublicArticle, sql`${articles.search} @@ ${tsQuery}`))
      .offset(sql`0` as unknown as number)
      .as("matching");
    const newest = await tx
      .select({ id: matching.id, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(matching)
      .orderBy(desc(matching.publishedAt))
      .limit(RANKED_MATCHES);
    const total = newest[0]?.total ?? 0;
    const rows =
      total === 0
        ? []
        : await selectArticleSummaries(
            { snippet: sql<string>`ts_headline('english', ${articles.plainText}, ${tsQuery}, ${HEADLINE_OPTIONS})` },
            tx,
          )
            .where(
              inArray(
                articles.id,
                newest.map((match) => match.id),
              ),
            )
            .orderBy(desc(rank), desc(articles.publishedAt))
            .limit(SEARCH_PAGE_SIZE)
            .offset((page - 1) * SEARCH_PAGE_SIZE);
    return {
      results: rows.map((row) => ({ ...toArticleSummary(row), snippet: row.snippet })),
      total,
      page,
      totalPages: Math.max(1, Math.ceil(Math.min(total, RANKED_MATCHES) / SEARCH_PAGE_SIZE)),
    };
  });
}
