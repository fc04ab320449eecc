/**
 * Finds the URLs to measure by reading the site as a crawler would: the sitemap, the home page's
 * links and the article page's tag links, so the benchmark fits whatever content the server has.
 */
import { getText } from "./http";
import { isSitemapIndex, linksStartingWith, sitemapLocations } from "./html";

export type SiteMap = { articlePaths: string[]; sectionPaths: string[] };

export type Targets = {
  homePath: string;
  sectionPath: string;
  articlePath: string;
  tagPath: string;
  feedPath: string;
  searchPath: string;
};

// PostgreSQL's English stop words of five letters or more: the search index drops them, so a
// search for one finds nothing.
const STOP_WORDS = new Set(
  "about above after again against because before being below between doing during further having other ourselves should their theirs themselves there these those through under until where which while yours yourself yourselves itself myself herself himself".split(
    " ",
  ),
);

async function allLocations(url: string): Promise<string[]> {
  const xml = await getText(url);
  if (!isSitemapIndex(xml)) return sitemapLocations(xml);
  const nested = await Promise.all(sitemapLocations(xml).map((location) => allLocations(location)));
  return nested.flat();
}

/** Paths rather than URLs: the sitemap names SITE_URL's host, which need not be the one measured. */
export async function readSitemap(baseUrl: string): Promise<SiteMap> {
  const paths = (await allLocations(`${baseUrl}/sitemap.xml`)).map((location) => new URL(location).pathname);
  return {
    articlePaths: paths.filter((path) => path.startsWith("/articles/")),
    sectionPaths: paths.filter((path) => path.startsWith("/category/")),
  };
}

/** The most frequent longer word in the site feed's headlines and standfirsts: one that finds many stories. */
export function commonWord(feedXml: string): string {
  const items = feedXml.slice(Math.max(0, feedXml.indexOf("<item>")));
  const text = [...items.matchAll(/<(title|description)>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?<\/\1>/g)]
    .map(([, , value]) => value)
    .join(" ");
  const counts = new Map<string, number>();
  for (const [word] of text.toLowerCase().matchAll(/\p{L}{5,}/gu)) {
    if (!STOP_WORDS.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!best) throw new Error("The site feed has no headlines to take a search word from; pass --search");
  return best[0];
}

export async function findTargets(
  baseUrl: string,
  { section, search }: { section: string; search?: string },
): Promise<Targets> {
  const [article] = linksStartingWith(await getText(`${baseUrl}/`), "/articles/");
  if (!article) throw new Error("The home page links to no article: is the database empty?");
  const [tag] = linksStartingWith(await getText(baseUrl + article), "/tag/");
  if (!tag) throw new Error(`${article} links to no tag`);
  const word = search ?? commonWord(await getText(`${baseUrl}/rss.xml`));
  return {
    homePath: "/",
    sectionPath: `/category/${section}`,
    articlePath: article,
    tagPath: tag,
    feedPath: "/rss.xml",
    searchPath: `/search?q=${encodeURIComponent(word)}`,
  };
}
