import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleCard } from "@/components/article-card";
import { PageHeading } from "@/components/page-heading";
import { Pagination } from "@/components/pagination";
import { SearchSnippet } from "@/components/search-snippet";
import { RANKED_MATCHES } from "@/db/queries/search";
import { parsePageParam } from "@/lib/page-param";
import { routes } from "@/lib/routes";
import { findSearchResults } from "@/lib/search-results";
import { parseSearchQuery } from "@/lib/search-query";

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

// Every query is its own page, answered per request; the masthead must not be prerendered at build.
export const dynamic = "force-dynamic";

const SEARCH_FIELD_CLASSES =
  "flex-1 rounded-sm border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-900";
const SEARCH_BUTTON_CLASSES =
  "rounded-sm bg-stone-900 px-4 py-2 font-semibold text-white dark:bg-stone-100 dark:text-stone-900";

export const metadata: Metadata = {
  title: "Search",
  robots: { index: false, follow: true },
};

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const page = parsePageParam(params.page);
  if (page === null) notFound();
  const query = parseSearchQuery(params.q);

  return (
    <>
      <PageHeading title="Search" />
      {/* Named apart from the masthead's, so a screen reader's list of landmarks tells the two apart. */}
      <search aria-label="Archive">
        <form action={routes.search()} method="get" className="mb-8 flex max-w-xl gap-2 font-sans">
          <label htmlFor="search-query" className="sr-only">
            Search stories
          </label>
          <input
            id="search-query"
            name="q"
            type="search"
            defaultValue={query.ok ? query.text : ""}
            maxLength={200}
            className={SEARCH_FIELD_CLASSES}
          />
          <button type="submit" className={SEARCH_BUTTON_CLASSES}>
            Search
          </button>
        </form>
      </search>
      {query.ok ? (
        <SearchResultsList query={query.text} page={page} />
      ) : (
        <p className="font-sans text-stone-600 dark:text-stone-400">{query.message}</p>
      )}
    </>
  );
}

function searchSummary(query: string, total: number): string {
  if (total === 0) return `No stories match “${query}”. Try fewer or different words.`;
  if (total > RANKED_MATCHES) {
    const matches = `${total.toLocaleString("en-GB")} stories match “${query}”`;
    return `${matches}; the newest ${RANKED_MATCHES} are ranked here. Add a word to narrow it down.`;
  }
  return `${total} ${total === 1 ? "story matches" : "stories match"} “${query}”`;
}

async function SearchResultsList({ query, page }: { query: string; page: number }) {
  const { results, total, totalPages } = await findSearchResults({ query, page });
  if (page > totalPages) notFound();
  return (
    <section aria-labelledby="search-results">
      <h2
        id="search-results"
        className="mb-6 font-sans text-sm text-stone-600 dark:text-stone-400"
        data-testid="search-summary"
      >
        {searchSummary(query, total)}
      </h2>
      <ol className="divide-y divide-stone-300 dark:divide-stone-700">
        {results.map((result) => (
          <li key={result.id} className="py-5 first:pt-0">
            <ArticleCard article={result} headingLevel="h3">
              <SearchSnippet snippet={result.snippet} />
            </ArticleCard>
          </li>
        ))}
      </ol>
      <Pagination basePath={routes.search()} page={page} totalPages={totalPages} query={{ q: query }} />
    </section>
  );
}
