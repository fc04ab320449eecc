/**
 * Load and latency benchmark of a running production server (`next build && next start`):
 *   npm run bench -- [--url http://127.0.0.1:3000] [--duration 10] [--connections 50] [--via-nginx]
 * It measures, prints and writes the results into docs/BENCHMARKS.md (one section per database
 * and route). Benchmarks never become timed assertions in the test suite: these numbers depend
 * on the machine and on whatever else it is doing.
 */
import path from "node:path";
import { walkToDeepPage, timeFirstPage } from "./lib/deep-page";
import { spreadSample, timeFirstRequests } from "./lib/first-requests";
import { gitCommit } from "./lib/git";
import { getText } from "./lib/http";
import { measureLoad, type LoadResult } from "./lib/load";
import { writeSection } from "./lib/markdown-section";
import { findListeningProcess, residentMemory, type Memory } from "./lib/memory";
import { readOptions, type BenchOptions } from "./lib/options";
import { measurePublishToVisible, type PublishOutcome } from "./lib/publish";
import { sectionKey, toConsole, toMarkdown, type BenchRun } from "./lib/report";
import { measureScriptWeight } from "./lib/script-weight";
import { findTargets, readSitemap, type SiteMap, type Targets } from "./lib/site";
import { startMicroCache } from "@/deploy/nginx/run-micro-cache";

// A real file from public/, served by Next without rendering: the ceiling for this server.
const STATIC_FILE = "/humans.txt";

const log = (message: string) => console.error(`· ${message}`);

/** The driver /api/health reports, else the --database flag. */
async function databaseName(appUrl: string, flag: string | undefined): Promise<string> {
  const health = await fetch(`${appUrl}/api/health`)
    .then((response) => response.json())
    .catch(() => null);
  const driver: unknown = health?.database?.driver;
  return typeof driver === "string" ? driver : (flag ?? "unknown");
}

async function measureAllLoads(
  baseUrl: string,
  pages: Array<{ label: string; path: string }>,
  options: BenchOptions,
): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const page of pages) {
    log(`load on ${page.path} for ${options.duration} s`);
    results.push(await measureLoad(baseUrl, page, options));
  }
  return results;
}

function loadPages(targets: Targets, deepPath: string, otherSectionPath: string) {
  return [
    { label: "static file", path: STATIC_FILE },
    { label: "home", path: targets.homePath },
    { label: "section", path: targets.sectionPath },
    { label: "article", path: targets.articlePath },
    { label: "tag", path: targets.tagPath },
    { label: "RSS feed", path: targets.feedPath },
    { label: "search", path: targets.searchPath },
    { label: "section, deep page", path: deepPath },
    { label: "other section", path: otherSectionPath },
  ];
}

/** A failure here is reported with the rest of the run rather than losing the measurements before it. */
async function publishToVisible(appUrl: string, readerUrl: string): Promise<PublishOutcome> {
  const email = process.env.BENCH_STAFF_EMAIL;
  const password = process.env.BENCH_STAFF_PASSWORD;
  if (!email || !password)
    return { skipped: "BENCH_STAFF_EMAIL and BENCH_STAFF_PASSWORD are not both set (an editor's or admin's sign-in)" };
  log("publishing a story in Chromium and polling for it");
  try {
    return await measurePublishToVisible({ appUrl, readerUrl, credentials: { email, password } });
  } catch (error) {
    return { failed: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
  }
}

const portOf = (url: string) => Number(new URL(url).port || 80);

async function serverMemory(appUrl: string, pid: number | undefined): Promise<Memory | { unknown: string }> {
  const serverPid = pid ?? (await findListeningProcess(portOf(appUrl)));
  if (!serverPid) return { unknown: "no local process listens on the port; pass --pid" };
  return residentMemory(serverPid);
}

async function checkStaticFile(baseUrl: string): Promise<void> {
  await getText(baseUrl + STATIC_FILE).catch(() => {
    throw new Error(`The server does not serve public${STATIC_FILE}: build and start it from this checkout`);
  });
}

/** First requests only: each URL here is asked for once, before anything else has asked for it. */
async function measureUncached(baseUrl: string, siteMap: SiteMap, targets: Targets, options: BenchOptions) {
  log(`uncached renders of up to ${options.articles} articles`);
  const unseen = siteMap.articlePaths.filter((articlePath) => articlePath !== targets.articlePath);
  const firstArticles = await timeFirstRequests(baseUrl, spreadSample(unseen, options.articles));
  log(`walking ${targets.sectionPath} towards page ${options.depth}`);
  const deepPage = await walkToDeepPage(baseUrl, targets.sectionPath, options.depth);
  const otherSection = siteMap.sectionPaths.find((sectionPath) => sectionPath !== targets.sectionPath);
  if (!otherSection) throw new Error("The sitemap lists no second section to compare page 1 with");
  return { firstArticles, deepPage, otherFirstPage: await timeFirstPage(baseUrl, otherSection) };
}

/** The uncached measurements come first: the load runs would otherwise warm what they measure. */
async function runBenchmark(options: BenchOptions, baseUrl: string, nginxPid?: number): Promise<BenchRun> {
  await checkStaticFile(baseUrl);
  const siteMap = await readSitemap(baseUrl);
  const targets = await findTargets(baseUrl, options);
  const uncached = await measureUncached(baseUrl, siteMap, targets, options);
  const load = await measureAllLoads(
    baseUrl,
    loadPages(targets, uncached.deepPage.path, uncached.otherFirstPage.path),
    options,
  );
  const scripts = await measureScriptWeight(baseUrl, targets.articlePath);
  const publish = await publishToVisible(options.url, baseUrl);
  return {
    date: new Date(),
    commit: gitCommit(),
    database: await databaseName(options.url, options.database),
    viaNginx: options.viaNginx || Boolean(options.cluster),
    secondServer: options.cluster,
    publishedArticles: siteMap.articlePaths.length,
    settings: options,
    load,
    ...uncached,
    scripts,
    publish,
    serverMemory: await serverMemory(options.url, options.pid),
    nginxMemory: nginxPid ? await residentMemory(nginxPid) : undefined,
  };
}

const options = readOptions();
const upstreams = [options.url, ...(options.cluster ? [options.cluster] : [])];
const nginx =
  options.viaNginx || options.cluster ? await startMicroCache({ upstreamPorts: upstreams.map(portOf) }) : undefined;
if (nginx) log(`nginx micro-cache on ${nginx.url} in front of ${upstreams.join(" and ")}`);
try {
  const run = await runBenchmark(options, nginx?.url ?? options.url, nginx?.pid);
  console.log(toConsole(run));
  await writeSection(path.resolve(options.out), sectionKey(run), toMarkdown(run));
  log(`written to ${options.out}`);
} finally {
  await nginx?.stop();
}
