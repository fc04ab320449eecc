import "server-only";
import { countSitemapArticles, listSitemapArticles, listSitemapListings } from "@/db/queries/sitemap";
import { site } from "@/lib/site";
import { MAX_SITEMAP_URLS, sitemapIndex, sitemapPageRange, urlSet } from "./build-sitemaps";

async function fixedEntries() {
  return [{ path: "/", lastModified: null }, ...(await listSitemapListings())];
}

export async function sitemapPageCount(): Promise<number> {
  const [fixed, articleCount] = await Promise.all([fixedEntries(), countSitemapArticles()]);
  return Math.max(1, Math.ceil((fixed.length + articleCount) / MAX_SITEMAP_URLS));
}

export async function sitemapPage(page: number): Promise<string> {
  const fixed = await fixedEntries();
  const range = sitemapPageRange(page, fixed.length);
  const articles = range.articles.limit > 0 ? await listSitemapArticles(range.articles) : [];
  return urlSet([...fixed.slice(range.fixed.start, range.fixed.end), ...articles], site.url);
}

/** /sitemap.xml: the URLs themselves while they fit in one file, an index of files past 50,000. */
export async function rootSitemap(): Promise<string> {
  const pages = await sitemapPageCount();
  if (pages === 1) return sitemapPage(1);
  const files = Array.from({ length: pages }, (_, index) => ({ path: `/sitemaps/${index + 1}.xml`, lastModified: null }));
  return sitemapIndex(files, site.url);
}
