/**
 * Publish → visible: an editor publishes a story in a real browser, then plain HTTP polls the
 * section page and the site feed, as readers and feed readers would, until the headline shows up.
 * The staff side always talks to the app itself; the polling goes wherever readers' requests go
 * (through nginx with --via-nginx), since that is where a cache would hold the old page.
 */
import fs from "node:fs";
import { chromium, type Browser, type Page } from "@playwright/test";
import { BROWSER_HEADERS } from "./http";

// Debian's Chromium where installed, else Playwright's own (scripts/ensure-browser.mjs installs it).
const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const POLL_INTERVAL_MS = 100;
// Longer than any s-maxage the app sends plus one refresh, so a shared cache's delay is measured, not cut off.
const GIVE_UP_AFTER_MS = 120_000;
// Signing in hashes a password and saving compiles MDX: on a busy machine either can take seconds.
const STAFF_STEP_TIMEOUT_MS = 60_000;

export type Credentials = { email: string; password: string };
export type Article = { headline: string; dek: string; section: string; body: string };
export type Visibility = { path: string; ms: number | null };
export type PublishResult = { headline: string; visible: Visibility[] };
export type PublishOutcome = PublishResult | { skipped: string } | { failed: string };

// Containers and root shells have no user namespaces for Chromium's sandbox; the pages opened are our own.
export function launchChromium(): Promise<Browser> {
  const executablePath = fs.existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
  return chromium.launch({ executablePath, headless: true, args: ["--no-sandbox"] });
}

/** The sign-in of e2e/pages/newsroom.ts, with a timeout made for a machine under load. */
export async function signIn(page: Page, { email, password }: Credentials): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Stories" }).waitFor();
}

export async function writeNewArticle(page: Page, article: Article): Promise<void> {
  await page.goto("/admin/articles/new");
  await page.getByLabel("Headline", { exact: true }).fill(article.headline);
  await page.getByLabel("Standfirst").fill(article.dek);
  await page.getByLabel("Section").selectOption({ label: article.section });
  // The rich editor's source view takes the body as MDX, as a reporter pasting a story would.
  await page.getByRole("button", { name: "MDX source" }).click();
  await page.getByRole("textbox", { name: "Story" }).fill(article.body);
}

/** Presses "Publish now" on a new story; resolves on its edit page once it is saved and published. */
export async function publishNow(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Publish now" }).click();
  // A new story's save redirects to its edit page once it has been saved and published.
  await page.waitForURL(/\/admin\/articles\/[0-9a-f-]{36}\?created=/);
  const done = new URL(page.url()).searchParams.get("created");
  if (done !== "published") throw new Error(`The story was saved but not published (created=${done})`);
}

/** On a story's edit page: moves it to the trash. */
export async function moveToTrash(page: Page): Promise<void> {
  await page.getByText("Move this story to the trash…").click();
  await page.getByRole("button", { name: "Move to trash" }).click();
  await page.waitForURL(/notice=trashed/);
}

async function pollUntilVisible(url: string, headline: string, since: number): Promise<number | null> {
  while (performance.now() - since < GIVE_UP_AFTER_MS) {
    const response = await fetch(url, { headers: BROWSER_HEADERS });
    if ((await response.text()).includes(headline)) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  return null;
}

/** Puts the polled pages in every cache first, as a popular page always is, so that a cache that keeps serving them after the publication is measured. */
async function requestOnce(urls: string[]): Promise<void> {
  await Promise.all(urls.map(async (url) => (await fetch(url, { headers: BROWSER_HEADERS })).arrayBuffer()));
}

export async function measurePublishToVisible({
  appUrl,
  readerUrl,
  credentials,
}: {
  appUrl: string;
  readerUrl: string;
  credentials: Credentials;
}): Promise<PublishResult> {
  const headline = `Benchmark check ${new Date().toISOString().replace(/\D/g, "").slice(0, 14)} of publishing speed`;
  const paths = ["/category/conflicts", "/rss.xml"];
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ baseURL: appUrl });
    page.setDefaultTimeout(STAFF_STEP_TIMEOUT_MS);
    await signIn(page, credentials);
    await requestOnce(paths.map((path) => readerUrl + path));
    await writeNewArticle(page, {
      headline,
      dek: "A story published by the benchmark to time how soon readers see it; it goes to the trash straight after.",
      section: "Conflicts",
      body: "This story measures the time from publishing to the section page and the feed.",
    });
    await publishNow(page);
    const published = performance.now();
    const times = await Promise.all(paths.map((path) => pollUntilVisible(readerUrl + path, headline, published)));
    await moveToTrash(page);
    return { headline, visible: paths.map((path, index) => ({ path, ms: times[index] ?? null })) };
  } finally {
    await browser.close();
  }
}
