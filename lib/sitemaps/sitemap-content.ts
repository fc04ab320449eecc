import "server-only";
import {
  countSitemapArticles,
  listRecentNewsArticles,
  listSitemapArticles,
  listSitemapListings,
} from "@/db/queries/sitemap";
import { readerTags } from "@/lib/cache-tags";
import { cachedForReaders } from "@/lib/reader-cache";
import { routes } from "@/lib/routes";
import { site } from "@/lib/site";
import { MAX_SITEMAP_URLS, newsSitemap, sitemapIndex, sitemapPageRange, urlSet } from "./build-sitemaps";

async function fixedEntries() {
  return [
    { path: routes.front, lastModified: null },
    { path: routes.corrections(), lastModified: null },
    ...(await listSitemapListings()),
  ];
}

async function sitemapPageCount(): Promise<number> {
  const [fixed, articleCount] = await Promise.all([fixedEntries(), countSitemapArticles()]);
  return Math.max(1, Math.ceil((fixed.length + articleCount) / MAX_SITEMAP_URLS));
}

async function sitemapPage(page: number): Promise<string> {
  const fixed = await fixedEntries();
  const range = sitemapPageRange(page, fixed.length);
  const articles = range.articles.limit > 0 ? await listSitemapArticles(range.articles) : [];
  return urlSet([...fixed.slice(range.fixed.start, range.fixed.end), ...articles], site.url);
}

// Every sitemap lists every story, section, tag and writer: one tag for them all.
const sitemapTags = () => [readerTags.sitemaps];

/** /sitemap.xml: the URLs themselves while they fit in one file, an index of files past 50,000. */
export const rootSitemap = cachedForReaders(
  "root-sitemap",
  async (): Promise<string> => {
    const pages = await sitemapPageCount();
    if (pages === 1) return sitemapPage(1);
    const files = Array.from({ length: pages }, (_, index) => ({
      path: routes.sitemapFile(index + 1),
      lastModified: null,
    }));
    return sitemapIndex(files, site.url);
  },
  sitemapTags,
);

/** /sitemaps/{page}.xml, or null past the last file. */
export const sitemapFile = cachedForReaders(
  "sitemap-file",
  async (page: number): Promise<string | null> =>
    page >= 1 && page <= (await sitemapPageCount()) ? sitemapPage(page) : null,
  sitemapTags,
);

/** Google News: the stories of the last two days. */
export const recentNewsSitemap = cachedForReaders(
  "news-sitemap",
  async (): Promise<string> =>
    newsSitemap(await listRecentNewsArticles(), { name: site.name, language: site.language, siteUrl: site.url }),
  sitemapTags,
);
