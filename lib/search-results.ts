import "server-only";
import { LRUCache } from "lru-cache";
import { searchArticles, type SearchResults } from "@/db/queries/search";

// A breaking story sends many readers to the same words at once. Each page of results is asked of
// the database once per half minute on each server, and readers asking together share that query.
// A change readers can find clears this server's copies at once (forgetSearchResults); another
// server's lag by at most RESULTS_TTL_MS. Kept apart from the page cache, so a flood of made-up
// queries churns these few hundred entries and evicts no page.
const RESULTS_TTL_MS = 30_000;
const MAX_QUERIES = 500;

type Search = { query: string; page: number };

const recentResults = new LRUCache<string, SearchResults, Search>({
  max: MAX_QUERIES,
  ttl: RESULTS_TTL_MS,
  fetchMethod: (_key, _stale, { context }) => searchArticles(context),
});

/** A page of results for a query, from this server's recent answers when it has one. */
export async function findSearchResults(search: Search): Promise<SearchResults> {
  const results = await recentResults.fetch(`${search.page} ${search.query}`, { context: search });
  if (!results) throw new Error(`no search results came back for page ${search.page}`);
  return results;
}

/** Forgets this server's recent answers: a story readers can find has been published, changed or withdrawn. */
export function forgetSearchResults(): void {
  recentResults.clear();
}
