import AxeBuilder from "@axe-core/playwright";
import { XMLParser } from "fast-xml-parser";
import { expect, test } from "./fixtures";

// The sample story seeded with two writers (content/, its front matter's `author` list).
const STORY_SLUG = "drought-pushes-tollan-valley-farmers-from-rice-to-millet";
const HEADLINE = "Drought Pushes Tollan Valley Farmers From Rice to Millet";
const WRITERS = [
  { slug: "priya-halvorsen", name: "Priya Halvorsen" },
  { slug: "ines-calloway", name: "Ines Calloway" },
];

type FeedItem = { title: string; link: string; guid: string | { "#text": string }; "dc:creator": string[] };

async function feedItems(request: import("@playwright/test").APIRequestContext, path: string): Promise<FeedItem[]> {
  const feed = await request.get(path);
  expect(feed.status(), path).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/rss+xml");
  const parser = new XMLParser({ isArray: (name) => name === "item" || name === "dc:creator" });
  return parser.parse(await feed.text()).rss.channel.item ?? [];
}

test('a two-writer story reads "By Priya Halvorsen and Ines Calloway", each name leading to that writer\'s page', async ({
  page,
}) => {
  await page.goto(`/articles/${STORY_SLUG}`);
  const byline = page.getByText(/^By /);
  await expect(byline).toHaveText("By Priya Halvorsen and Ines Calloway");
  for (const writer of WRITERS) {
    await expect(byline.getByRole("link", { name: writer.name })).toHaveAttribute("href", `/author/${writer.slug}`);
  }
  await byline.getByRole("link", { name: "Ines Calloway" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ines Calloway" })).toBeVisible();
});

test("a two-writer story is on both writers' pages and in both writers' feeds", async ({ page, request }) => {
  let guid = "";
  for (const writer of WRITERS) {
    await page.goto(`/author/${writer.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: writer.name })).toBeVisible();
    await expect(page.getByRole("link", { name: HEADLINE })).toHaveAttribute("href", `/articles/${STORY_SLUG}`);

    const feedLink = page.locator(`head link[rel="alternate"][type="application/rss+xml"][href$="/rss.xml"]`).first();
    await expect(feedLink).toHaveAttribute("href", new RegExp(`/author/${writer.slug}/rss\\.xml$`));
    await expect(page.getByRole("link", { name: `${writer.name} RSS feed` })).toBeVisible();

    const items = await feedItems(request, (await feedLink.getAttribute("href"))!);
    const item = items.find((entry) => entry.title === HEADLINE);
    expect(item?.link, writer.slug).toMatch(new RegExp(`/articles/${STORY_SLUG}$`));
    expect(item?.["dc:creator"]).toEqual(["Priya Halvorsen", "Ines Calloway"]);
    const itemGuid = typeof item?.guid === "object" ? item.guid["#text"] : (item?.guid ?? "");
    expect(itemGuid).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    // The same story, not a copy: one guid in both feeds.
    if (guid) expect(itemGuid).toBe(guid);
    guid = itemGuid;
  }
});

test("a writer's page has one h1 and no serious accessibility violations", async ({ page }) => {
  await page.goto(`/author/${WRITERS[0]!.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
