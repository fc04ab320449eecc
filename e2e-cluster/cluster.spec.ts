import { randomBytes } from "node:crypto";
import path from "node:path";
import autocannon from "autocannon";
import { expect, test, type APIRequestContext, type Browser, type TestInfo } from "@playwright/test";
import { Newsroom } from "../e2e/pages/newsroom";
import { clusterUnavailable, startNewsroomCluster, type NewsroomCluster } from "./newsroom-cluster";

/**
 * Two app servers behind nginx, sharing a Redis page cache and a PostgreSQL primary with a
 * streaming replica. Staff work through server A; readers are on server B or the balancer.
 */

test.describe.configure({ mode: "serial" });

let cluster: NewsroomCluster;
let newsroom: Newsroom;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  const unavailable = clusterUnavailable();
  test.skip(unavailable !== null, `the cluster cannot run here: ${unavailable}`);
  cluster = await startNewsroomCluster();
  newsroom = await signedInOn(browser, cluster.a.url, cluster);
});

test.afterAll(async () => {
  await newsroom?.page.context().close();
  await cluster?.stop();
});

async function signedInOn(browser: Browser, baseURL: string, { editor }: NewsroomCluster): Promise<Newsroom> {
  const context = await browser.newContext({ baseURL });
  const staff = new Newsroom(await context.newPage());
  await staff.signIn(editor);
  return staff;
}

const SECTION = { name: "World", path: "/category/world" };
// How long after a server's death a failed request counts as one it was answering when it died.
const CUT_WINDOW_MS = 1_000;
const FEEDS = ["/rss.xml", "/feed.json"];

/** What a reader gets for each address on one server or the balancer: the status and whether `text` is in it. */
async function readerView(request: APIRequestContext, origin: string, paths: string[], text: string) {
  const view: Record<string, string> = {};
  for (const path of paths) {
    const response = await request.get(origin + path, { maxRedirects: 0 });
    view[path] = `${response.status()} ${(await response.text()).includes(text) ? "shows" : "does not show"} it`;
  }
  return view;
}

const showing = (paths: string[]) => Object.fromEntries(paths.map((path) => [path, "200 shows it"]));
const notShowing = (paths: string[]) => Object.fromEntries(paths.map((path) => [path, "200 does not show it"]));

/** Milliseconds until the balancer agrees; nginx keeps a page for a second or two (deploy/nginx/micro-cache.conf). */
async function balancerCatchesUp(
  request: APIRequestContext,
  paths: string[],
  text: string,
  expected: Record<string, string>,
): Promise<number> {
  const started = performance.now();
  await expect
    .poll(() => readerView(request, cluster.balancer.url, paths, text), { timeout: 10_000, intervals: [100] })
    .toEqual(expected);
  return Math.round(performance.now() - started);
}

/** A measurement, kept with the test's result and printed in the run's log. */
function record(testInfo: TestInfo, type: string, description: string) {
  testInfo.annotations.push({ type, description });
  console.log(`${type}: ${description}`);
}

async function warm(request: APIRequestContext, paths: string[]) {
  for (const origin of [cluster.a.url, cluster.b.url, cluster.balancer.url]) {
    for (const path of paths)
      for (let visit = 0; visit < 2; visit++)
        expect((await request.get(origin + path)).status(), origin + path).toBe(200);
  }
}

type SavedArticle = { slug: string; headline: string; sectionId: string; bodyMdx: string; version: number };
let article: SavedArticle & { id: string };

test("a story published through server A is on server B on the next request, in both feeds, and through the balancer within two seconds", async ({
  request,
}, testInfo) => {
  const lists = ["/", SECTION.path, ...FEEDS];
  await warm(request, lists);
  const cached = await request.get(cluster.b.url + SECTION.path);
  expect(cached.headers()["x-nextjs-cache"], "server B serves the section from the shared cache").toBe("HIT");

  const headline = `Ceasefire Monitors Cross Into Northern Valley ${randomBytes(3).toString("hex")}`;
  const id = await newsroom.publishNewArticle({
    headline,
    section: SECTION.name,
    body: "Monitors crossed at dawn, the mission said.",
  });
  article = { id, ...((await (await newsroom.page.request.get(`/api/articles/${id}`)).json()) as SavedArticle) };
  const everywhere = [`/articles/${article.slug}`, ...lists];

  expect(await readerView(request, cluster.b.url, everywhere, headline)).toEqual(showing(everywhere));
  const ms = await balancerCatchesUp(request, everywhere, headline, showing(everywhere));
  record(testInfo, "balancer caught up", `${ms} ms after the publish`);
});

test("a correction made through server A replaces the story on server B and in its feeds", async ({
  request,
}, testInfo) => {
  const corrected = `${article.headline} (corrected)`;
  const saved = await newsroom.page.request.put(`/api/articles/${article.id}`, {
    data: {
      expectedVersion: article.version,
      headline: corrected,
      sectionId: article.sectionId,
      bodyMdx: article.bodyMdx,
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  article = { ...article, headline: corrected, version: (await saved.json()).version };

  const everywhere = [`/articles/${article.slug}`, "/", SECTION.path, ...FEEDS];
  expect(await readerView(request, cluster.b.url, everywhere, "(corrected)")).toEqual(showing(everywhere));
  const ms = await balancerCatchesUp(request, everywhere, "(corrected)", showing(everywhere));
  record(testInfo, "balancer caught up", `${ms} ms after the correction`);
});

/** The front page's lead story block, from its HTML: what a reader sees first. */
const leadBlock = (html: string) =>
  html.slice(html.indexOf('data-testid="lead-story"'), html.indexOf('id="top-stories"'));

test("a lead chosen and a correction added through server A show on server B's front page and corrections at once", async ({
  request,
}) => {
  await warm(request, ["/", "/corrections"]);
  const { page } = newsroom;
  await page.goto("/admin/front-page");
  await page.getByLabel("Story", { exact: true }).selectOption({ label: `${article.headline} (${SECTION.name})` });
  await page.getByRole("button", { name: "Make it the lead" }).click();
  await expect(page.getByTestId("pin-status")).toContainText("now leads the front page");
  expect(leadBlock(await (await request.get(`${cluster.b.url}/`)).text())).toContain(article.headline);

  const note = `The monitors crossed at dusk, not at dawn ${randomBytes(3).toString("hex")}.`;
  await newsroom.openArticle(article.headline);
  const form = page.getByRole("form", { name: "Add a correction or update" });
  await form.getByLabel(/^A correction:/).check();
  await form.getByLabel("Text readers see").fill(note);
  await form.getByRole("button", { name: "Add to the story" }).click();
  await expect(page.getByTestId("note-status")).toContainText("Correction added.");
  const where = [`/articles/${article.slug}`, "/corrections", "/corrections/rss.xml", ...FEEDS];
  expect(await readerView(request, cluster.b.url, where, note)).toEqual(showing(where));
});

test("a live entry posted through server A reaches a reader polling server B on its next poll", async ({
  request,
}, testInfo) => {
  const { page } = newsroom;
  await page.goto(`/admin/articles/${article.id}/live`);
  await page.getByRole("button", { name: "Turn into live coverage" }).click();
  await expect(page.getByTestId("live-start-status")).toContainText("This story is live coverage");
  const poll = `${cluster.b.url}/articles/${article.slug}/live`;
  const before = await (await request.get(poll)).json();
  expect(before).toEqual({ newEntries: 0, newestId: null });

  const composer = page.getByRole("form", { name: "Post an update" });
  await composer.getByLabel("Update", { exact: true }).fill("Monitors reached the second crossing.");
  const started = performance.now();
  await composer.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByTestId("live-post-status")).toHaveText("Posted: readers see it now.");
  record(testInfo, "entry posted", `${Math.round(performance.now() - started)} ms through server A`);
  const after = await (await request.get(poll)).json();
  expect(after.newEntries, "server B's very next poll").toBe(1);
  expect(await readerView(request, cluster.b.url, [`/articles/${article.slug}`], "second crossing")).toEqual(
    showing([`/articles/${article.slug}`]),
  );
});

test("an editor signed in on server A is signed in on server B, and B's story list already has what was done on A", async ({
  browser,
}) => {
  const context = await browser.newContext({
    baseURL: cluster.b.url,
    storageState: await newsroom.page.context().storageState(),
  });
  const page = await context.newPage();
  await page.goto(`/admin?q=${encodeURIComponent(article.headline)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Stories" })).toBeVisible();
  await expect(page.getByRole("link", { name: article.headline })).toBeVisible();
  await context.close();
});

test("a photo uploaded through server A is served by server B, resized there, and its file is the same bytes", async ({
  request,
}) => {
  const page = newsroom.page;
  await page.goto("/admin/photos");
  await page
    .getByLabel("Photo file")
    .setInputFiles(path.join(import.meta.dirname, "../test/fixtures/photos/camera-and-gps.jpg"));
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByRole("form", { name: /^Text for/ }).first()).toBeVisible();
  const original = await page.locator('a[href^="/media/"]').first().getAttribute("href");
  expect(original, "the library links the new photo").toMatch(/^\/media\/[0-9a-f-]{36}$/);

  const cookies = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  const fromA = await request.get(cluster.a.url + original, { headers: { cookie: cookies } });
  const fromB = await request.get(cluster.b.url + original, { headers: { cookie: cookies } });
  expect(fromB.status()).toBe(200);
  expect((await fromB.body()).equals(await fromA.body()), "the same cleaned file from both servers").toBe(true);
  const resized = await request.get(`${cluster.b.url}${original}/320`, { headers: { cookie: cookies } });
  expect({ status: resized.status(), type: resized.headers()["content-type"] }).toEqual({
    status: 200,
    type: "image/webp",
  });
});

test("sign-in attempts made on either server count against one limit", async ({ request }) => {
  const attempt = async (server: string, password: string) => {
    const { csrfToken } = (await (await request.get(`${server}/api/auth/csrf`)).json()) as { csrfToken: string };
    return request.post(`${server}/api/auth/callback/credentials`, {
      form: { csrfToken, email: "guessed.account@newsroom.example", password },
      maxRedirects: 0,
    });
  };
  for (const [guess, server] of [cluster.a.url, cluster.b.url, cluster.a.url, cluster.b.url, cluster.a.url].entries()) {
    expect((await attempt(server, `guess ${guess}`)).status(), `guess ${guess + 1}`).toBe(302);
  }
  const refused = await attempt(cluster.b.url, "guess 6");
  expect(refused.status(), "the sixth guess, on B, after three on A and two on B").toBe(429);
});

test("a story unpublished through server A is gone from server B, its feeds and the balancer", async ({
  request,
}, testInfo) => {
  await newsroom.page.goto(`/admin/articles/${article.id}`);
  await newsroom.page.getByRole("button", { name: "Unpublish" }).click();
  await expect(newsroom.editorStatus()).toContainText("Unpublished");

  const lists = ["/", SECTION.path, ...FEEDS];
  expect((await request.get(`${cluster.b.url}/articles/${article.slug}`)).status(), "the story on B").toBe(404);
  expect(await readerView(request, cluster.b.url, lists, article.headline)).toEqual(notShowing(lists));
  const ms = await balancerCatchesUp(request, lists, article.headline, notShowing(lists));
  await expect
    .poll(async () => (await request.get(`${cluster.balancer.url}/articles/${article.slug}`)).status(), {
      timeout: 10_000,
    })
    .toBe(404);
  record(testInfo, "balancer caught up", `${ms} ms after the unpublish`);
});

test("with Redis stopped both servers keep serving readers, and once it is back a publish on A reaches B again", async ({
  request,
}) => {
  const pages = ["/", SECTION.path, "/rss.xml", "/search?q=ferry"];
  await cluster.redis.crash();
  for (const server of [cluster.a, cluster.b]) {
    for (const path of pages)
      expect(
        (await request.get(server.url + path, { timeout: 10_000 })).status(),
        `${server.name} ${path} without Redis`,
      ).toBe(200);
  }

  await cluster.redis.start();
  // The servers reconnect within a couple of seconds and send what they expired meanwhile.
  const headline = `Aid Convoy Reaches Port After Redis Returns ${randomBytes(3).toString("hex")}`;
  await expect
    .poll(
      async () => {
        const warmed = await request.get(cluster.b.url + SECTION.path);
        return warmed.headers()["x-nextjs-cache"];
      },
      { timeout: 20_000, message: "server B caches in Redis again" },
    )
    .toBe("HIT");
  await newsroom.publishNewArticle({ headline, section: SECTION.name, body: "The convoy docked at noon." });
  expect(await readerView(request, cluster.b.url, [SECTION.path, "/rss.xml"], headline)).toEqual(
    showing([SECTION.path, "/rss.xml"]),
  );
});

test("when server A dies under load, readers through the balancer get every page from server B; only answers A was midway through sending are cut", async ({}, testInfo) => {
  test.setTimeout(120_000);
  const paths = [
    "/",
    SECTION.path,
    "/category/conflicts",
    "/rss.xml",
    "/feed.json",
    "/search?q=ferry",
    "/articles/ukraine-to-receive-nato-support-and-membership-after-conflict",
  ];
  const load = autocannon({
    url: cluster.balancer.url,
    connections: 20,
    duration: 12,
    requests: paths.map((path) => ({ path })),
  });
  const failures: Array<{ at: number; message: string }> = [];
  let answeredAfterDeath = 0;
  let diedAt = Infinity;
  load.on("reqError", (error) => failures.push({ at: performance.now(), message: error.message }));
  load.on("response", () => {
    if (performance.now() > diedAt) answeredAfterDeath++;
  });
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  diedAt = performance.now();
  await cluster.a.crash();
  const result = await load;

  // A response A had begun to send cannot be retried elsewhere: nginx has passed part of it on.
  // Everything asked after that instant must be answered.
  const cutMidAnswer = failures.filter(({ at }) => at - diedAt < CUT_WINDOW_MS);
  const later = failures.filter(({ at }) => at - diedAt >= CUT_WINDOW_MS);
  record(
    testInfo,
    "load while A died",
    `${result.requests.total} requests, ${answeredAfterDeath} answered after A died, ${cutMidAnswer.length} cut as A died, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, p99 ${result.latency.p99} ms`,
  );
  expect(answeredAfterDeath, "answers from server B after A died").toBeGreaterThan(100);
  expect(later, "requests that failed after A was gone").toEqual([]);
  expect(cutMidAnswer.length, "answers cut as A died, at most one per connection").toBeLessThanOrEqual(20);
  expect({ timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({ timeouts: 0, non2xx: 0 });
});
