/**
 * The load test of issue 6:
 *   npm run loadtest -- [--connections 200] [--duration 60] [--stories 20] [--url URL]
 * Readers load the home page, sections, articles and the RSS feed while an editor publishes new
 * stories in Chromium through the newsroom's own pages and server actions. It passes when no
 * reader met a connection error, a 5xx or any other failed answer, every story was published and
 * is on the site afterwards, and the server's memory settled. Speeds are printed, never judged:
 * they belong to the machine, not the code.
 */
import os from "node:os";
import { gitCommit } from "./lib/git";
import { findListeningProcess } from "./lib/memory";
import type { Credentials } from "./lib/publish";
import { openDesk, publishArticles, articlesFor, trashArticles, type Desk, type Publication } from "./loadtest/editor";
import { memoryTrend, watchMemory, type MemorySample } from "./loadtest/memory-watch";
import { readOptions, type LoadTestOptions } from "./loadtest/options";
import { startOwnServer } from "./loadtest/own-server";
import { planReaders, startReaders, visitOnce, type ReaderGroup } from "./loadtest/readers";
import { passed, toConsole, type LoadTestRun } from "./loadtest/report";
import { lookForArticles } from "./loadtest/sightings";

type Target = {
  url: string;
  credentials: Credentials;
  pid?: number;
  server: string;
  ownsSite: boolean;
  stop: () => Promise<void>;
};

// The editor files over this share of the load, so the last stories still meet a full one.
const PUBLISHING_SHARE = 0.9;
// At least the first quarter of the load fills the caches and compiles the code; memory is judged after it.
const WARM_UP_SHARE = 0.25;
// Samples before the load starts give the level the readers found.
const QUIET_BEFORE_MS = 2000;
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

const log = (message: string) => console.error(`· ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ownServer(): Promise<Target> {
  log("starting next start on a fresh database");
  const own = await startOwnServer();
  log(`${own.url} is up; its log is ${own.log}`);
  return {
    url: own.url,
    credentials: own.credentials,
    pid: own.pid,
    server: `next start started by the load test on ${own.url}`,
    ownsSite: true,
    stop: own.stop,
  };
}

async function runningServer(url: string): Promise<Target> {
  const email = process.env.BENCH_STAFF_EMAIL;
  const password = process.env.BENCH_STAFF_PASSWORD;
  if (!email || !password)
    throw new Error("--url needs BENCH_STAFF_EMAIL and BENCH_STAFF_PASSWORD: an editor's or administrator's sign-in");
  const { hostname, port } = new URL(url);
  const pid = LOCAL_HOSTS.has(hostname) ? await findListeningProcess(Number(port || 80)) : undefined;
  return {
    url,
    credentials: { email, password },
    pid,
    server: `running server ${url}`,
    ownsSite: false,
    stop: async () => {},
  };
}

/** The driver /api/health reports. */
async function databaseName(url: string): Promise<string> {
  const health = await fetch(`${url}/api/health`)
    .then((response) => response.json())
    .catch(() => null);
  const driver: unknown = health?.database?.driver;
  return typeof driver === "string" ? driver : "unknown";
}

/** Readers from the start, the editor's stories spread over the load; the readers stay until the editor is done. */
async function publishUnderLoad(url: string, groups: ReaderGroup[], desk: Desk, options: LoadTestOptions) {
  const articles = articlesFor(desk.sections, options.articles);
  const loadStart = performance.now();
  const readers = startReaders(url, groups);
  const spacingMs = (options.duration * 1000 * PUBLISHING_SHARE) / options.articles;
  const onPublished = (publication: Publication, count: number) =>
    log(
      `story ${count} of ${options.articles}: ${publication.outcome}${publication.ms === undefined ? "" : ` in ${(publication.ms / 1000).toFixed(1)} s`}`,
    );
  const editing = publishArticles(desk, articles, { from: loadStart, spacingMs, onPublished });
  await Promise.allSettled([sleep(options.duration * 1000), editing]);
  const loadEnd = performance.now();
  return { loadStart, loadEnd, readers: await readers.stop(), publications: await editing };
}

/** The first publication loads the staff side's code (the MDX compiler among it): it belongs to the warm-up. */
function warmedUpAt(
  { loadStart, publications }: { loadStart: number; publications: Publication[] },
  options: LoadTestOptions,
): number {
  const firstPublished = publications.find((publication) => publication.finishedAt)?.finishedAt ?? loadStart;
  return Math.max(loadStart + options.duration * 1000 * WARM_UP_SHARE, firstPublished);
}

function trend(
  target: Target,
  samples: MemorySample[] | undefined,
  load: { loadStart: number; loadEnd: number; publications: Publication[] },
  options: LoadTestOptions,
): LoadTestRun["memory"] {
  if (!target.pid || !samples) return { unknown: "no process on this machine listens on the server's port" };
  const phases = { loadStart: load.loadStart, warmedUpAt: warmedUpAt(load, options), loadEnd: load.loadEnd };
  return memoryTrend(target.pid, samples, phases) ?? { unknown: `pid ${target.pid} could not be read` };
}

async function runLoadTest(target: Target, options: LoadTestOptions): Promise<LoadTestRun> {
  const groups = await planReaders(target.url, options.connections);
  await visitOnce(target.url, groups);
  log(`signing the editor in at ${target.url}/login`);
  const desk = await openDesk(target.url, target.credentials);
  const memory = target.pid ? watchMemory(target.pid) : undefined;
  try {
    await sleep(QUIET_BEFORE_MS);
    log(
      `${options.connections} readers for ${options.duration} s while the editor publishes ${options.articles} stories`,
    );
    const loadBefore = os.loadavg()[0]!;
    const load = await publishUnderLoad(target.url, groups, desk, options);
    // The readers, the editor's browser and the server share the machine with whatever else runs on it.
    const machine = `${os.cpus().length} cores; load average ${loadBefore.toFixed(1)} as the readers started, ${os.loadavg()[0]!.toFixed(1)} as they stopped`;
    log("looking for every story on the site");
    const sightings = await lookForArticles(target.url, load.publications);
    if (!target.ownsSite) await trashArticles(desk, load.publications);
    return {
      date: new Date(),
      commit: gitCommit(),
      database: await databaseName(target.url),
      server: target.server,
      machine,
      settings: options,
      readers: load.readers,
      publications: load.publications,
      sightings,
      memory: trend(target, memory?.stop(), load, options),
    };
  } finally {
    memory?.stop();
    await desk.browser.close();
  }
}

const options = readOptions();
const target = options.url ? await runningServer(options.url) : await ownServer();
// Ctrl-C still drops the throwaway database and stops the server.
process.once("SIGINT", () => void target.stop().finally(() => process.exit(130)));
try {
  const run = await runLoadTest(target, options);
  console.log(toConsole(run));
  process.exitCode = passed(run) ? 0 : 1;
} finally {
  await target.stop();
}
