import { create } from "xmlbuilder2";
import { routes } from "@/lib/routes";

export const MAX_SITEMAP_URLS = 50_000;

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

type Entry = { path: string; lastModified: Date | null };

const absolute = (siteUrl: string, path: string) => new URL(path, siteUrl).toString();

/**
 * Text as xmlbuilder2 must be given it. XML 1.0 forbids most control characters; one pasted
 * from a word processor would break the file. And xmlbuilder2 escapes "&" only where it does
 * not already begin a reference, so a headline typed with "&nbsp;" would reach the file as an
 * entity XML does not define (the whole sitemap stops parsing) and "&lt;b&gt;" would read back
 * as "<b>": every "&" written as "&amp;" first, which it leaves as it is, keeps the text as typed.
 */
const xmlText = (text: string) =>
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replaceAll("&", "&amp;");

export function urlSet(entries: Entry[], siteUrl: string): string {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele(SITEMAP_NS, "urlset");
  for (const entry of entries) {
    const url = root.ele("url");
    url.ele("loc").txt(xmlText(absolute(siteUrl, entry.path)));
    if (entry.lastModified) url.ele("lastmod").txt(entry.lastModified.toISOString());
  }
  return root.end({ prettyPrint: true });
}

export function sitemapIndex(sitemaps: Array<{ path: string; lastModified: Date | null }>, siteUrl: string): string {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele(SITEMAP_NS, "sitemapindex");
  for (const sitemap of sitemaps) {
    const node = root.ele("sitemap");
    node.ele("loc").txt(xmlText(absolute(siteUrl, sitemap.path)));
    if (sitemap.lastModified) node.ele("lastmod").txt(sitemap.lastModified.toISOString());
  }
  return root.end({ prettyPrint: true });
}

export function newsSitemap(
  articles: Array<{ slug: string; headline: string; publishedAt: Date }>,
  publication: { name: string; language: string; siteUrl: string },
): string {
  const root = create({ version: "1.0", encoding: "UTF-8" })
    .ele(SITEMAP_NS, "urlset")
    .att("http://www.w3.org/2000/xmlns/", "xmlns:news", NEWS_NS);
  for (const article of articles) {
    const url = root.ele("url");
    url.ele("loc").txt(xmlText(absolute(publication.siteUrl, routes.article(article.slug))));
    const news = url.ele(NEWS_NS, "news:news");
    const source = news.ele(NEWS_NS, "news:publication");
    source.ele(NEWS_NS, "news:name").txt(xmlText(publication.name));
    source.ele(NEWS_NS, "news:language").txt(xmlText(publication.language));
    news.ele(NEWS_NS, "news:publication_date").txt(article.publishedAt.toISOString());
    news.ele(NEWS_NS, "news:title").txt(xmlText(article.headline));
  }
  return root.end({ prettyPrint: true });
}

/** Which slice of [home, listings…, articles…] sitemap page `page` (1-based) holds. */
export function sitemapPageRange(page: number, fixedCount: number) {
  const start = (page - 1) * MAX_SITEMAP_URLS;
  const end = start + MAX_SITEMAP_URLS;
  return {
    fixed: { start: Math.min(start, fixedCount), end: Math.min(end, fixedCount) },
    articles: { offset: Math.max(0, start - fixedCount), limit: Math.max(0, end - Math.max(start, fixedCount)) },
  };
}
