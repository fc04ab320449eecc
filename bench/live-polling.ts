/**
 * `npm run bench:live -- [--readers 500] [--minutes 2] [--every 5]`: live coverage under load.
 * Starts this checkout's production build on a fresh database with nginx's micro-cache
 * (deploy/nginx) in front, turns the commissioned story live, and has a writer post an entry every
 * few seconds in Chromium through the composer while simulated readers poll the story's cached
 * endpoint through nginx as the reader island does (every 20 s, each from the newest entry it has).
 * It prints how long after each post every reader learned of it, the errors, and how many polls
 * reached the app rather than nginx's cache. Speeds are printed, never judged.
 */
import { parseArgs } from "node:util";
import { startMicroCache } from "@/deploy/nginx/run-micro-cache";
import { LIVE_POLL_SECONDS } from "@/lib/live-coverage";
import { launchChromium, signIn } from "./lib/publish";
import { startOwnServer } from "./loadtest/own-server";

const { values } = parseArgs({
  options: {
    readers: { type: "string", default: "500" },
    minutes: { type: "string", default: "2" },
    every: { type: "string", default: "5" },
  },
});
const READERS = Number(values.readers);
const POSTING_MS = Number(values.minutes) * 60_000;
const POST_EVERY_MS = Number(values.every) * 1000;
const POLL_MS = LIVE_POLL_SECONDS * 1000;
const COMMISSIONED = "Ukraine to Receive NATO Support and Membership After Conflict";

const log = (message: string) => console.error(`· ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Posted = { id: string; at: number };
type Tally = { polls: number; errors: number; fromApp: number; byCache: Record<string, number> };

/**
 * The entry just posted, asked of the app itself: a request made as the post's answer arrives can
 * still be given the answer from before it, so it asks until the newest entry is a new one.
 */
async function newEntryId(pollUrl: string, previous: string | null): Promise<string | null> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const answer = (await (await fetch(pollUrl)).json()) as { newestId: string | null };
    if (answer.newestId && answer.newestId !== previous) return answer.newestId;
    await sleep(50);
  }
  return null;
}

type Sighting = { at: number; newestId: string };

/** One reader: polls from its newest known entry and notes when it first learns of a newer one. */
async function reader(pollUrl: string, tally: Tally, until: () => boolean): Promise<Sighting[]> {
  const sightings: Sighting[] = [];
  let newest: string | null = null;
  await sleep(Math.random() * POLL_MS);
  while (!until()) {
    const started = performance.now();
    try {
      const response = await fetch(newest ? `${pollUrl}?after=${newest}` : pollUrl);
      tally.polls += 1;
      const status = response.headers.get("x-cache-status") ?? "NONE";
      tally.byCache[status] = (tally.byCache[status] ?? 0) + 1;
      if (status !== "HIT" && status !== "STALE" && status !== "UPDATING") tally.fromApp += 1;
      if (!response.ok) tally.errors += 1;
      const answer = (await response.json()) as { newEntries: number; newestId: string | null };
      if (answer.newestId && answer.newestId !== newest) {
        sightings.push({ at: performance.now(), newestId: answer.newestId });
        newest = answer.newestId;
      }
    } catch {
      tally.errors += 1;
    }
    await sleep(Math.max(0, POLL_MS - (performance.now() - started)));
  }
  return sightings;
}

/** How long after each post each reader learned of it: a sighting of a newer entry counts for the ones before. */
function delaysOf(posted: Posted[], sightings: Sighting[]): number[] {
  const delays: number[] = [];
  let from = 0;
  for (const sighting of sightings) {
    const known = posted.findIndex((entry) => entry.id === sighting.newestId);
    for (const entry of posted.slice(from, known + 1)) delays.push(sighting.at - entry.at);
    from = Math.max(from, known + 1);
  }
  return delays;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function main() {
  log("starting next start on a fresh database, and nginx in front");
  const own = await startOwnServer();
  const cache = await startMicroCache({ upstreamPorts: [Number(new URL(own.url).port)] });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ baseURL: own.url })).newPage();
    await signIn(page, own.credentials);
    await page.goto(`/admin?q=${encodeURIComponent(COMMISSIONED)}`);
    await page.getByRole("link", { name: COMMISSIONED }).click();
    await page.waitForURL(/\/admin\/articles\/[0-9a-f-]{36}$/);
    const id = page.url().split("?")[0]!.split("/").at(-1)!;
    await page.goto(`/admin/articles/${id}/live`);
    await page.getByRole("button", { name: "Turn into live coverage" }).click();
    await page.getByTestId("live-start-status").waitFor();
    const slug = new URL(
      (await page.getByRole("link", { name: "View on the site" }).getAttribute("href"))!,
      own.url,
    ).pathname
      .split("/")
      .at(-1)!;
    const pollUrl = `${cache.url}/articles/${slug}/live`;
    const originPoll = `${own.url}/articles/${slug}/live`;

    const posted: Posted[] = [];
    const tally: Tally = { polls: 0, errors: 0, fromApp: 0, byCache: {} };
    const postTimes: number[] = [];
    let posting = true;
    const drainUntil = { at: Infinity };
    const until = () => !posting && performance.now() > drainUntil.at;
    log(`${READERS} readers polling ${pollUrl} every ${LIVE_POLL_SECONDS} s`);
    const readers = Array.from({ length: READERS }, () => reader(pollUrl, tally, until));

    const composer = page.getByRole("form", { name: "Post an update" });
    const started = performance.now();
    for (let n = 1; performance.now() - started < POSTING_MS; n += 1) {
      const next = started + n * POST_EVERY_MS;
      await composer.getByLabel("Update", { exact: true }).fill(`Update ${n} from the valley road.`);
      const pressed = performance.now();
      await composer.getByRole("button", { name: "Post update" }).click();
      await page.getByText("Posted: readers see it now.").waitFor();
      const at = performance.now();
      postTimes.push(at - pressed);
      const entryId = await newEntryId(originPoll, posted.at(-1)?.id ?? null);
      if (entryId) posted.push({ id: entryId, at });
      await sleep(Math.max(0, next - performance.now()));
    }
    posting = false;
    drainUntil.at = performance.now() + POLL_MS + 5_000;
    const perReader = (await Promise.all(readers)).map((sightings) => delaysOf(posted, sightings));
    const elapsedS = (performance.now() - started) / 1000;

    const delays = perReader.flat().sort((a, b) => a - b);
    const missed = READERS * posted.length - delays.length;
    const seenPerEntry = posted.map((_, index) => perReader.filter((list) => list.length > index).length);
    console.error(`readers who saw each entry: ${seenPerEntry.join(",")}`);
    const posts = [...postTimes].sort((a, b) => a - b);
    console.log(`## Live coverage under polling (${new Date().toISOString().slice(0, 10)})`);
    console.log(`- readers: ${READERS}, polling every ${LIVE_POLL_SECONDS} s through nginx; ${posted.length} entries`);
    console.log(
      `- posting an entry (press to "Posted"): p50 ${Math.round(percentile(posts, 0.5)!)} ms, max ${Math.round(posts.at(-1)!)} ms`,
    );
    console.log(
      `- a reader learns of an entry after: p50 ${(percentile(delays, 0.5)! / 1000).toFixed(1)} s, ` +
        `p99 ${(percentile(delays, 0.99)! / 1000).toFixed(1)} s, max ${(delays.at(-1)! / 1000).toFixed(1)} s ` +
        `(target: within ${LIVE_POLL_SECONDS} + 2 s); sightings missed: ${missed}`,
    );
    console.log(`- polls: ${tally.polls} (${(tally.polls / elapsedS).toFixed(1)}/s), errors: ${tally.errors}`);
    console.log(
      `- polls that reached the app: ${tally.fromApp} (${(tally.fromApp / elapsedS).toFixed(2)}/s); ` +
        `nginx cache: ${JSON.stringify(tally.byCache)}`,
    );
  } finally {
    await browser.close();
    await cache.stop();
    await own.stop();
  }
}

await main();
