import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { parseArticle } from "../lib/article-import/parse-article";
import { expect, NOT_FOUND_LOAD, test } from "./fixtures";
import { storyAgeNotice } from "../lib/story-age";
import { ArticlePage } from "./pages/article-page";

const commissioned = parseArticle(
  fs.readFileSync(path.join(import.meta.dirname, "../test/fixtures/commissioned-story.txt"), "utf8"),
);
const ARTICLE_SLUG = "ukraine-to-receive-nato-support-and-membership-after-conflict";
const DRAFT_SLUG = "family-bakeries-raise-prices-as-flour-and-energy-bills-climb-together";
const SCHEDULED_SLUG = "solar-powered-data-centre-opens-inside-a-disused-limestone-quarry";

test("a reader follows Conflicts from the home page to the commissioned story and sees every part of it", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Conflicts" }).click();
  await expect(page).toHaveURL(/\/category\/conflicts$/);
  await expect(page.getByRole("heading", { level: 1, name: "Conflicts" })).toBeVisible();

  await page.getByRole("link", { name: commissioned.headline }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${ARTICLE_SLUG}$`));

  const article = new ArticlePage(page);
  await expect(article.sectionLink).toHaveText(commissioned.section);
  await expect(article.headline).toHaveText(commissioned.headline);
  await expect(page.getByText(commissioned.dek, { exact: true })).toBeVisible();
  await expect(article.publishedTime()).toHaveText("1 December 2023");
  await expect(article.publishedTime()).toHaveAttribute("datetime", "2023-12-01T00:00:00.000Z");
  const ageNotice = page.getByTestId("story-age-notice");
  await expect(ageNotice).toHaveText(storyAgeNotice(new Date("2023-12-01T00:00:00Z"), new Date(), 12)!);
  await expect(ageNotice).toHaveText(/^This article is more than \d+ years old$/);

  const lead = commissioned.leadPhoto!;
  await expect(article.leadPhoto.getByRole("img", { name: lead.description })).toBeVisible();
  await expect(article.leadPhoto).toContainText(lead.description);
  await expect(article.leadPhoto).toContainText("Taken with Canon EOS 5D Mark IV");

  const blocks = await article.bodyBlocks();
  const expected = commissioned.body.map((block) =>
    block.kind === "paragraph"
      ? { kind: "paragraph", text: block.text }
      : { kind: "photo", caption: block.description, camera: `Taken with ${block.camera}` },
  );
  expect(blocks).toEqual(expected);
  expect(blocks.filter((block) => block.kind === "paragraph")).toHaveLength(8);
  expect(blocks.map((block) => block.kind)).toEqual([
    "paragraph",
    "paragraph",
    "paragraph",
    "photo",
    "paragraph",
    "paragraph",
    "paragraph",
    "photo",
    "paragraph",
    "paragraph",
  ]);
  for (const camera of ["Nikon D850", "Sony Alpha a7 III"]) {
    await expect(article.body.getByText(`Taken with ${camera}`)).toBeVisible();
  }
  for (const block of commissioned.body) {
    if (block.kind === "photo") await expect(article.body.getByRole("img", { name: block.description })).toBeVisible();
  }
});

test("search finds the commissioned story by a word from its body", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search stories" }).fill("Stoltenberg");
  await page.getByRole("searchbox", { name: "Search stories" }).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=Stoltenberg/);
  await expect(page.getByTestId("search-summary")).toHaveText("1 story matches “Stoltenberg”");
  const result = page.getByRole("link", { name: commissioned.headline });
  await expect(result).toBeVisible();
  await expect(page.locator("mark").first()).toHaveText("Stoltenberg");
});

test("a search shows a reflected query as text, never as markup", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("<img src=x onerror=alert(1)>")}`);
  await expect(page.getByTestId("search-summary")).toContainText("<img src=x onerror=alert(1)>");
  await expect(page.locator("img[src=x]")).toHaveCount(0);
});

test.describe("pages that do not exist for readers", () => {
  test.use({ expectedConsoleErrors: [NOT_FOUND_LOAD] });

  for (const [kind, slug] of [
    ["draft", DRAFT_SLUG],
    ["scheduled", SCHEDULED_SLUG],
  ] as const) {
    test(`a ${kind} story's URL is a 404 and it appears in no list`, async ({ page }) => {
      const response = await page.goto(`/articles/${slug}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      for (const list of [
        "/",
        "/category/economy",
        "/category/technology",
        "/tag/artificial-intelligence",
        "/search?q=sourdough+OR+quarry",
      ]) {
        await page.goto(list);
        await expect(page.locator(`a[href="/articles/${slug}"]`)).toHaveCount(0);
      }
    });
  }

  test("unknown sections, tags, authors and pages past the end are 404s inside the site", async ({ page }) => {
    const unknownArticle = "00000000-0000-4000-8000-000000000000";
    for (const url of [
      "/category/no-such-section",
      "/tag/no-such-tag",
      // Only the draft and the scheduled story carry these: readers do not know the tags yet.
      "/tag/energy",
      "/tag/small-business",
      "/author/nobody",
      `/category/conflicts/before/${unknownArticle}`,
      "/category/conflicts/before/abc",
      `/tag/sample-content/before/${unknownArticle}`,
      "/front-page/yesterday",
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
    }
  });

  test("an address no route knows is a 404 with the masthead and search", async ({ page }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "Search stories" })).toBeVisible();
  });
});

test("tag and author pages list the story", async ({ page }) => {
  await page.goto(`/articles/${ARTICLE_SLUG}`);
  await page.getByRole("list", { name: "Topics" }).getByRole("link", { name: "NATO" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "NATO" })).toBeVisible();
  await expect(page.getByRole("link", { name: commissioned.headline })).toBeVisible();

  await page.goto(`/articles/${ARTICLE_SLUG}`);
  await page.getByRole("link", { name: "Newsroom Staff" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Newsroom Staff" })).toBeVisible();
  await expect(page.getByRole("link", { name: commissioned.headline })).toBeVisible();
});

test("the health check reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true } });
});

const READER_PAGES = [
  "/",
  `/articles/${ARTICLE_SLUG}`,
  "/articles/live-ceasefire-talks-open-in-the-border-town-of-ravensk",
  "/category/conflicts",
  "/search",
  "/search?q=NATO",
  "/corrections",
];

// Every impact, moderate and minor too (two search landmarks of one name is "moderate"): Lighthouse counts them all.
for (const url of READER_PAGES) {
  test(`${url} has one h1, a skip link and no accessibility violations`, async ({ page }) => {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
      [],
    );
  });
}
