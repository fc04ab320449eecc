/**
 * The editor: one staff member in headless Chromium who writes and publishes new stories through
 * the newsroom's own pages and server actions while the readers load the site, one after another
 * and spread over the load, as a night desk files its stories.
 */
import type { Browser, Page } from "@playwright/test";
import {
  launchChromium,
  moveToTrash,
  publishNow,
  signIn,
  writeNewArticle,
  type Credentials,
  type Article,
} from "../lib/publish";

/**
 * `unconfirmed`: the editor gave up waiting for the newsroom's answer, which says nothing about
 * whether the story went out; the site is asked afterwards. `failed`: the newsroom answered with
 * something other than the published story.
 */
export type Publication = Article & {
  outcome: "published" | "unconfirmed" | "failed";
  // Milliseconds from pressing "Publish now" to the story's edit page after the save.
  ms?: number;
  finishedAt?: number;
  articlePath?: string;
  editPath?: string;
  error?: string;
};

export type Desk = { browser: Browser; page: Page; sections: string[] };

// Under a saturating load every staff request queues behind the readers' (a first run on two
// cores saw 55 s between "Publish now" and the edit page); a step this long is stuck.
const STAFF_STEP_TIMEOUT_MS = 300_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signs in and reads the sections the editor may file to. */
export async function openDesk(appUrl: string, credentials: Credentials): Promise<Desk> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ baseURL: appUrl });
    page.setDefaultTimeout(STAFF_STEP_TIMEOUT_MS);
    await signIn(page, credentials);
    await page.goto("/admin/articles/new");
    const options = page.getByLabel("Section").locator("option:not([value=''])");
    const sections = (await options.allTextContents()).map((name) => name.trim());
    if (sections.length === 0) throw new Error("The story editor offers no section to file to");
    return { browser, page, sections };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Stories that no earlier run has used, spread over every section so each section page shows its share. */
export function articlesFor(sections: string[], count: number): Article[] {
  const run = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  return Array.from({ length: count }, (_, index) => ({
    headline: `Load test ${run}, story ${index + 1} of ${count}: the night desk files on deadline`,
    dek: "Published by the load test while readers fill the site, to show that no publication is lost under load.",
    section: sections[index % sections.length]!,
    body: "The night desk filed this story while two hundred readers were on the site.\n\nIt must appear on its own page, on its section page and in the feed.",
  }));
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!;

async function publish(page: Page, article: Article): Promise<Publication> {
  try {
    await writeNewArticle(page, article);
    const pressed = performance.now();
    await publishNow(page);
    const finishedAt = performance.now();
    const articlePath = await page.getByRole("link", { name: "View on the site" }).getAttribute("href");
    return {
      ...article,
      outcome: "published",
      ms: finishedAt - pressed,
      finishedAt,
      articlePath: articlePath ?? undefined,
      editPath: new URL(page.url()).pathname,
    };
  } catch (error) {
    const outcome = error instanceof Error && error.name === "TimeoutError" ? "unconfirmed" : "failed";
    return { ...article, outcome, error: firstLine(error) };
  }
}

/**
 * Story n is pressed at `from + n × spacing` or as soon as the one before it is done, whichever
 * is later: a slow publication delays the rest rather than overlapping them.
 */
export async function publishArticles(
  desk: Desk,
  articles: Article[],
  {
    from,
    spacingMs,
    onPublished,
  }: { from: number; spacingMs: number; onPublished: (publication: Publication, count: number) => void },
): Promise<Publication[]> {
  const publications: Publication[] = [];
  for (const [index, article] of articles.entries()) {
    await sleep(Math.max(0, from + index * spacingMs - performance.now()));
    publications.push(await publish(desk.page, article));
    onPublished(publications.at(-1)!, publications.length);
  }
  return publications;
}

/** Moves the load test's stories off someone else's site. */
export async function trashArticles(desk: Desk, publications: Publication[]): Promise<void> {
  for (const { editPath } of publications) {
    if (!editPath) continue;
    await desk.page.goto(editPath);
    await moveToTrash(desk.page);
  }
}
