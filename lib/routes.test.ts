import { describe, expect, it } from "vitest";
import { routes } from "./routes";

const ARTICLE_ID = "7311a7bb-8323-4063-b614-28ee2f01ed62";

describe("the public addresses", () => {
  it("keeps the addresses readers, feeds and search engines already know", () => {
    expect(routes.article("ferry-timetable")).toBe("/articles/ferry-timetable");
    expect(routes.articleSocialCard("ferry-timetable")).toBe("/articles/ferry-timetable/opengraph-image");
    expect(routes.section("middle-east")).toBe("/category/middle-east");
    expect(routes.tag("local-government")).toBe("/tag/local-government");
    expect(routes.author("newsroom-staff")).toBe("/author/newsroom-staff");
    expect(routes.sectionFeed("conflicts")).toBe("/category/conflicts/rss.xml");
    expect(routes.tagFeed("climate")).toBe("/tag/climate/rss.xml");
    expect(routes.authorFeed("newsroom-staff")).toBe("/author/newsroom-staff/rss.xml");
    expect(routes.siteFeeds).toEqual({ rss: "/rss.xml", atom: "/atom.xml", json: "/feed.json" });
    expect([routes.front, routes.sitemap, routes.sitemapFile(2), routes.newsSitemap]).toEqual([
      "/",
      "/sitemap.xml",
      "/sitemaps/2.xml",
      "/news-sitemap.xml",
    ]);
    expect(routes.photo(ARTICLE_ID)).toBe(`/media/${ARTICLE_ID}`);
    expect(routes.photo(ARTICLE_ID, 640)).toBe(`/media/${ARTICLE_ID}/640`);
  });

  it("puts older pages of every list under before/{story}, and the first page without it", () => {
    expect(routes.section("world", ARTICLE_ID)).toBe(`/category/world/before/${ARTICLE_ID}`);
    expect(routes.tag("climate", ARTICLE_ID)).toBe(`/tag/climate/before/${ARTICLE_ID}`);
    expect(routes.author("newsroom-staff", ARTICLE_ID)).toBe(`/author/newsroom-staff/before/${ARTICLE_ID}`);
    expect(routes.listing("tag", "climate")).toBe("/tag/climate");
    expect(routes.listing("section", "world", ARTICLE_ID)).toBe(routes.section("world", ARTICLE_ID));
  });

  it("keeps a slug with slashes, query marks or accents inside its own path segment", () => {
    expect(routes.article("a/b?c#d")).toBe("/articles/a%2Fb%3Fc%23d");
    expect(routes.tag("café & co")).toBe("/tag/caf%C3%A9%20%26%20co");
    expect(routes.section("x", "../../admin")).toBe("/category/x/before/..%2F..%2Fadmin");
    expect(routes.search("fish & chips?")).toBe("/search?q=fish%20%26%20chips%3F");
    expect(routes.search()).toBe("/search");
  });

  it("names a list's address as its scheme followed by the slug, as Atom categories say it", () => {
    expect(routes.listingScheme("section") + "world").toBe(routes.section("world"));
    expect(routes.listingScheme("tag") + "climate").toBe(routes.tag("climate"));
  });
});
