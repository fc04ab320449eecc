import { XMLParser } from "fast-xml-parser";
import { expect, test } from "./fixtures";

const ARTICLE_SLUG = "ukraine-to-receive-nato-support-and-membership-after-conflict";
const HEADLINE = "Ukraine to Receive NATO Support and Membership After Conflict";

test("a feed reader finds the Conflicts feed from the section page and the story in it", async ({ page, request }) => {
  await page.goto("/category/conflicts");
  const sectionFeed = page.locator('head link[rel="alternate"][type="application/rss+xml"]').first();
  const href = await sectionFeed.getAttribute("href");
  expect(href).toMatch(/\/category\/conflicts\/rss\.xml$/);
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"][href$="/rss.xml"]')).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Conflicts RSS feed" })).toBeVisible();

  const feed = await request.get(href!);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/rss+xml");
  const channel = new XMLParser({ isArray: (name) => name === "item" }).parse(await feed.text()).rss.channel;
  const item = channel.item.find((entry: { title: string }) => entry.title === HEADLINE);
  expect(item?.link).toMatch(new RegExp(`/articles/${ARTICLE_SLUG}$`));
});

test("every page links the site feed, and the footer shows it", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"][href$="/rss.xml"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(1);
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "RSS feed" })).toHaveAttribute(
    "href",
    "/rss.xml",
  );
});

test("an article page tells search engines and social sites what it is", async ({ page, request }) => {
  await page.goto(`/articles/${ARTICLE_SLUG}`);
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  const data = scripts.map((text) => JSON.parse(text));
  const article = data.find((item) => item["@type"] === "NewsArticle");
  expect(article).toMatchObject({
    headline: HEADLINE,
    datePublished: "2023-12-01T00:00:00+00:00",
    articleSection: "Conflicts",
    author: [{ name: "Newsroom Staff" }],
    publisher: { name: "The Meridian" },
  });
  expect(data.find((item) => item["@type"] === "BreadcrumbList")?.itemListElement).toHaveLength(3);

  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('meta[property="article:section"]')).toHaveAttribute("content", "Conflicts");
  await expect(page.locator('meta[property="article:tag"]')).toHaveCount(3);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/articles/${ARTICLE_SLUG}$`));

  // The commissioned story's photos exist only as descriptions, so its social image is generated.
  const image = await page.locator('meta[property="og:image"]').first().getAttribute("content");
  expect(image).toMatch(/\/opengraph-image$/);
  const card = await request.get(new URL(image!).pathname);
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");
});

test("the home page offers the site search to search engines", async ({ page }) => {
  await page.goto("/");
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  const site = scripts.map((text) => JSON.parse(text)).find((item) => item["@type"] === "WebSite");
  expect(site?.potentialAction?.["@type"]).toBe("SearchAction");
});

test("robots.txt and the sitemaps are served", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Disallow: /admin");
  expect(robots).toMatch(/Sitemap: .*\/news-sitemap\.xml/);
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  expect(await sitemap.text()).toContain(`/articles/${ARTICLE_SLUG}</loc>`);
  expect((await request.get("/news-sitemap.xml")).status()).toBe(200);
});
