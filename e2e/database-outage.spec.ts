import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import type { APIRequestContext } from "@playwright/test";
import postgres from "postgres";
import { nginxUnavailable, startMicroCache, type MicroCache } from "../deploy/nginx/run-micro-cache";
import { startNextServer } from "../scripts/next-start";
import {
  createThrowawayPostgres,
  throwawayPostgresUnavailable,
  type ThrowawayPostgres,
} from "../test/throwaway-postgres";
import { expect, test } from "./fixtures";

/**
 * PostgreSQL stops under a running portal and comes back. The portal here is a `next start` of its
 * own on a PostgreSQL cluster of its own, so stopping that database disturbs no other test. It shares
 * the build, and so Next's page cache, with the other end-to-end servers: every page it warms exists
 * in the seeded content with the same text on every server, and the pages it expects to be uncached
 * are ones no cache can hold (a search, a story nobody wrote).
 */

// Both tests start their portal on this one port: they run one after the other, in one worker,
// though the rest of the suite runs in parallel.
test.describe.configure({ mode: "default" });

const PORTAL_PORT = 3103;
const PORTAL = `http://localhost:${PORTAL_PORT}`;
const ARTICLE_SLUG = "ukraine-to-receive-nato-support-and-membership-after-conflict";
const ARTICLE_HEADLINE = "Ukraine to Receive NATO Support and Membership After Conflict";
// No other spec visits it, so no other server sharing this build's cache folder renders it meanwhile.
const QUIET_ARTICLE_SLUG = "drought-pushes-tollan-valley-farmers-from-rice-to-millet";

// Pages come from Next's full-route cache (it says so in x-nextjs-cache); the feed from the data cache.
const WARMED = [
  { path: "/", text: ARTICLE_HEADLINE, page: true },
  { path: "/category/conflicts", text: ARTICLE_HEADLINE, page: true },
  { path: `/articles/${ARTICLE_SLUG}`, text: "NATO-Ukraine Council", page: true },
  { path: "/rss.xml", text: ARTICLE_HEADLINE, page: false },
];
const SEARCH = "/search?q=ferry";
const UNWRITTEN_ARTICLE = `/articles/not-yet-written-${randomBytes(4).toString("hex")}`;
const UNAVAILABLE = "This page is temporarily unavailable";

// Far below postgres.js's defaults (a 30 s connect timeout, reconnect delays growing to 20 s),
// far above what a failed page costs on a busy two-core machine.
const QUICKLY_MS = 6_000;

// The browser logs the 500 document, and React the failed server render it was told of (#441).
// One pattern: Playwright would read a second array element as the fixture's options.
const OUTAGE_CONSOLE_ERRORS =
  /Failed to load resource: the server responded with a status of 500|Minified React error #441;/;
test.use({ expectedConsoleErrors: [OUTAGE_CONSOLE_ERRORS] });

type Portal = { process: ChildProcess; output: () => string };

function startPortal(databaseUrl: string): Portal {
  const origin = PORTAL;
  const child = startNextServer(PORTAL_PORT, {
    env: {
      ...process.env,
      PORT: String(PORTAL_PORT),
      SITE_URL: origin,
      AUTH_URL: origin,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      DATABASE_URL: databaseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  return { process: child, output: () => output };
}

async function stopPortal(portal: Portal) {
  if (portal.process.exitCode !== null || portal.process.signalCode !== null) return;
  const exited = once(portal.process, "exit");
  portal.process.kill("SIGTERM");
  await exited;
}

async function waitForHealthyPortal(request: APIRequestContext, portal: Portal) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (portal.process.exitCode !== null) throw new Error(`the portal exited at start:\n${portal.output()}`);
    const status = await request.get(`${PORTAL}/api/health`, { timeout: 5_000 }).then(
      (response) => response.status(),
      () => 0,
    );
    if (status === 200) return;
    await sleep(250);
  }
  throw new Error(`the portal did not become healthy:\n${portal.output()}`);
}

// Stopped after the test even when it times out, so no database or server outlives the run.
let database: ThrowawayPostgres | undefined;
let portal: Portal | undefined;
let nginx: MicroCache | undefined;
test.afterEach(async () => {
  await nginx?.stop();
  if (portal) await stopPortal(portal);
  await database?.remove();
  [nginx, portal, database] = [undefined, undefined, undefined];
});

/** Each test here brings its own PostgreSQL and server, so it runs once, in the PostgreSQL project. */
async function startPortalOnItsOwnDatabase(
  request: APIRequestContext,
  projectName: string,
): Promise<{ cluster: ThrowawayPostgres; server: Portal }> {
  test.skip(projectName !== "postgres", "runs once, in the PostgreSQL project; it brings its own database and server");
  const unavailable = throwawayPostgresUnavailable();
  test.skip(unavailable !== null, `needs a PostgreSQL cluster of its own: ${unavailable}`);
  test.setTimeout(300_000);

  const cluster = await createThrowawayPostgres();
  database = cluster;
  await cluster.start();
  const server = startPortal(cluster.url);
  portal = server;
  await waitForHealthyPortal(request, server);
  return { cluster, server };
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

test("readers keep cached pages, get a quick 503 for the rest and the health check says why while PostgreSQL is down, and all recovers when it returns", async ({
  page,
  request,
}, testInfo) => {
  const noNginx = nginxUnavailable();
  test.skip(noNginx !== null, `readers are served through nginx's micro-cache here: ${noNginx}`);
  const { cluster } = await startPortalOnItsOwnDatabase(request, testInfo.project.name);
  nginx = await startMicroCache({ upstreamPorts: [PORTAL_PORT] });
  const front = nginx.url;

  await test.step("a reader's visits put the front page, a section, a story and the feed in the cache", async () => {
    for (const { path: url, text } of WARMED) {
      const response = await request.get(PORTAL + url);
      expect(response.status(), url).toBe(200);
      expect(await response.text(), url).toContain(text);
    }
  });

  await cluster.stop("immediate");

  await test.step("with the database down, cached pages are served as before", async () => {
    for (const { path: url, text, page: isPage } of WARMED) {
      const response = await request.get(PORTAL + url);
      expect(response.status(), url).toBe(200);
      expect(await response.text(), url).toContain(text);
      if (isPage) expect(response.headers()["x-nextjs-cache"], url).toMatch(/^(HIT|STALE)$/);
    }
  });

  await test.step("the health check answers 503 with the database down, at once", async () => {
    const { result: response, ms } = await timed(() => request.get(`${PORTAL}/api/health`));
    expect(response.status()).toBe(503);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: "unavailable", database: { driver: "postgres", ok: false } });
    expect(ms).toBeLessThan(QUICKLY_MS);
  });

  await test.step("a page no cache holds fails at once, every time, however long the outage", async () => {
    // Next itself can only answer 500 for a page it could not render; nginx turns that into the 503.
    for (let attempt = 1; attempt <= 12; attempt++) {
      const url = attempt % 2 ? `${SEARCH}+${attempt}` : UNWRITTEN_ARTICLE;
      const { result: response, ms } = await timed(() => request.get(PORTAL + url));
      expect(response.status(), url).toBe(500);
      expect(response.headers()["cache-control"], url).toContain("no-store");
      expect(ms, `${url}, attempt ${attempt}`).toBeLessThan(QUICKLY_MS);
    }
  });

  await test.step("through nginx, that page is a 503 that says what happened and when to come back", async () => {
    for (const url of [SEARCH, UNWRITTEN_ARTICLE]) {
      const { result: response, ms } = await timed(() => request.get(front + url));
      expect(response.status(), url).toBe(503);
      expect(response.headers()["retry-after"], url).toBe("30");
      expect(await response.text(), url).toContain(UNAVAILABLE);
      expect(ms, url).toBeLessThan(QUICKLY_MS);
    }
  });

  await test.step("in a browser straight from Next, the reader sees the same message and a way to try again", async () => {
    await page.goto(PORTAL + SEARCH);
    await expect(page.getByRole("heading", { level: 1, name: UNAVAILABLE })).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the front page" })).toHaveAttribute("href", "/");
  });

  await cluster.start();

  await test.step("once the database is back, the same server reports healthy without a restart", async () => {
    await expect.poll(async () => (await request.get(`${PORTAL}/api/health`)).status(), { timeout: 10_000 }).toBe(200);
  });

  await test.step("and renders the pages it could not, at once", async () => {
    const { result: search, ms } = await timed(() => request.get(PORTAL + SEARCH));
    expect(search.status()).toBe(200);
    expect(ms).toBeLessThan(QUICKLY_MS);
    const unwritten = await request.get(PORTAL + UNWRITTEN_ARTICLE);
    expect(unwritten.status()).toBe(404);
    expect(await unwritten.text()).toContain("Page not found");
    expect((await request.get(front + SEARCH)).status()).toBe(200);
  });

  await test.step("the reader's Try again brings the page up", async () => {
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    await expect(
      page.getByRole("link", { name: "Lake Varnen towns agree to share a single ferry timetable" }),
    ).toBeVisible();
  });
  // Before afterEach stops the portal, so the page's prefetches do not fail against a stopped server.
  await page.close();
});

test("a story taken down while its server was stopped is not served from the old cache when the server starts again", async ({
  request,
}, testInfo) => {
  const { cluster, server } = await startPortalOnItsOwnDatabase(request, testInfo.project.name);
  const article = `${PORTAL}/articles/${QUIET_ARTICLE_SLUG}`;
  expect((await request.get(article)).status()).toBe(200);
  expect((await request.get(article)).headers()["x-nextjs-cache"]).toBe("HIT");

  await stopPortal(server);
  // As a takedown by another server, or by this one just before it stopped, would leave it.
  const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
  await sql`update articles set status = 'draft', published_at = null where slug = ${QUIET_ARTICLE_SLUG}`;
  await sql.end();

  portal = startPortal(cluster.url);
  await waitForHealthyPortal(request, portal);
  expect((await request.get(article)).status()).toBe(404);
});
