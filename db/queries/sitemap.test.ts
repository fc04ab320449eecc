import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as newsSitemapGet } from "@/app/news-sitemap.xml/route";
import robots from "@/app/robots";
import { GET as sitemapGet } from "@/app/sitemap.xml/route";
import { GET as sitemapFileGet } from "@/app/sitemaps/[file]/route";
import { loadNewsroomContent } from "@/lib/content/load";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { articles } from "../schema";
import { seedNewsroom } from "../seed";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "url" });
const SITE = "http://localhost:3000";

async function locations(response: Response): Promise<Array<{ loc: string; lastmod?: string }>> {
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).urlset.url ?? [];
}

describe(`sitemaps and robots.txt on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
  });
  afterAll(() => closeDatabase());

  it("lists published stories, sections, tags and writers with lastmod, and never a draft or scheduled story", async () => {
    const response = await sitemapGet();
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const urls = await locations(response);
    const locs = urls.map((url) => url.loc);
    expect(locs).toContain(`${SITE}/articles/ukraine-to-receive-nato-support-and-membership-after-conflict`);
    expect(locs).toEqual(
      expect.arrayContaining([
        `${SITE}/`,
        `${SITE}/category/conflicts`,
        `${SITE}/tag/nato`,
        `${SITE}/author/newsroom-staff`,
      ]),
    );
    expect(locs.some((loc) => loc.includes("family-bakeries") || loc.includes("limestone-quarry"))).toBe(false);
    const article = urls.find((url) =>
      url.loc.endsWith("/articles/ukraine-to-receive-nato-support-and-membership-after-conflict"),
    );
    expect(article?.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    expect(new Set(locs).size).toBe(locs.length);
  });

  it("serves numbered sitemap files only while they exist", async () => {
    const first = await sitemapFileGet(new Request(`${SITE}/sitemaps/1.xml`), {
      params: Promise.resolve({ file: "1.xml" }),
    });
    expect(first.status).toBe(200);
    for (const file of ["2.xml", "0.xml", "x.xml", "1.json"]) {
      const response = await sitemapFileGet(new Request(`${SITE}/sitemaps/${file}`), {
        params: Promise.resolve({ file }),
      });
      expect(response.status, file).toBe(404);
    }
  });

  it("puts only the last 48 hours' stories in the news sitemap", async () => {
    const slug = "drought-pushes-tollan-valley-farmers-from-rice-to-millet";
    await getDb()
      .update(articles)
      .set({ publishedAt: sql`now() - interval '1 hour'` })
      .where(eq(articles.slug, slug));
    const doc = parser.parse(await (await newsSitemapGet()).text());
    expect(doc.urlset["@xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    expect(doc.urlset.url).toHaveLength(1);
    expect(doc.urlset.url[0]).toMatchObject({
      loc: `${SITE}/articles/${slug}`,
      "news:news": {
        "news:publication": { "news:name": "The Meridian", "news:language": "en" },
        "news:title": "Drought Pushes Tollan Valley Farmers From Rice to Millet",
      },
    });
  });

  it("keeps crawlers out of the staff area and points them at both sitemaps", () => {
    expect(robots()).toEqual({
      rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/login", "/api/"] },
      sitemap: [`${SITE}/sitemap.xml`, `${SITE}/news-sitemap.xml`],
    });
  });
});
