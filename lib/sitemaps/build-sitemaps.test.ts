import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { MAX_SITEMAP_URLS, newsSitemap, sitemapIndex, sitemapPageRange, urlSet } from "./build-sitemaps";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

describe("sitemaps", () => {
  it("lists absolute URLs with W3C dates in the sitemaps.org namespace", () => {
    const xml = urlSet(
      [
        { path: "/articles/a&b", lastModified: new Date("2023-12-01T00:00:00Z") },
        { path: "/", lastModified: null },
      ],
      "https://news.example",
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(doc.urlset.url[0]).toEqual({
      loc: "https://news.example/articles/a&b",
      lastmod: "2023-12-01T00:00:00.000Z",
    });
    expect(doc.urlset.url[1]).toEqual({ loc: "https://news.example/" });
    expect(xml).toContain("a&amp;b");
  });

  it("indexes several sitemap files", () => {
    const doc = parser.parse(
      sitemapIndex(
        [
          { path: "/sitemaps/1.xml", lastModified: null },
          { path: "/sitemaps/2.xml", lastModified: null },
        ],
        "https://news.example",
      ),
    );
    expect(doc.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      "https://news.example/sitemaps/1.xml",
      "https://news.example/sitemaps/2.xml",
    ]);
  });

  it("splits past 50,000 URLs so no file holds more", () => {
    expect(sitemapPageRange(1, 10)).toEqual({
      fixed: { start: 0, end: 10 },
      articles: { offset: 0, limit: MAX_SITEMAP_URLS - 10 },
    });
    expect(sitemapPageRange(2, 10)).toEqual({
      fixed: { start: 10, end: 10 },
      articles: { offset: MAX_SITEMAP_URLS - 10, limit: MAX_SITEMAP_URLS },
    });
  });

  it("writes Google News entries with publication name, language, date and an escaped title", () => {
    const xml = newsSitemap(
      [{ slug: "ukraine", headline: `NATO & "allies" <pledge> — Київ`, publishedAt: new Date("2026-11-28T09:00:00Z") }],
      {
        name: "The Meridian",
        language: "en",
        siteUrl: "https://news.example",
      },
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.urlset["@xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    expect(doc.urlset.url).toEqual({
      loc: "https://news.example/articles/ukraine",
      "news:news": {
        "news:publication": { "news:name": "The Meridian", "news:language": "en" },
        "news:publication_date": "2026-11-28T09:00:00.000Z",
        "news:title": `NATO & "allies" <pledge> — Київ`,
      },
    });
    expect(xml).toContain('NATO &amp; "allies" &lt;pledge&gt; — Київ');
  });

  it("keeps a news title that looks like character references, such as &nbsp;, as typed", () => {
    const headline = "Prices&nbsp;rise &hellip; &lt;b&gt;again&lt;/b&gt; &#60;i&#62;";
    const xml = newsSitemap([{ slug: "a", headline, publishedAt: new Date("2026-11-28T09:00:00Z") }], {
      name: "The Meridian",
      language: "en",
      siteUrl: "https://news.example",
    });
    // XML defines only five entities: a bare "&nbsp;" would make the whole sitemap unreadable.
    expect(xml).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
    expect(parser.parse(xml).urlset.url["news:news"]["news:title"]).toBe(headline);
  });

  it("drops control characters XML forbids from a news title", () => {
    const xml = newsSitemap(
      [{ slug: "a", headline: "Vote\u000b count", publishedAt: new Date("2026-11-28T09:00:00Z") }],
      { name: "The Meridian", language: "en", siteUrl: "https://news.example" },
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("<news:title>Vote count</news:title>");
  });
});
