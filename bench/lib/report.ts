import type { DeepPage, FirstPage } from "./deep-page";
import type { FirstRequests } from "./first-requests";
import type { LoadResult, LoadSettings } from "./load";
import { markdownTable } from "./markdown-section";
import type { Memory } from "./memory";
import type { PublishOutcome } from "./publish";
import type { ScriptWeight } from "./script-weight";

export type BenchRun = {
  date: Date;
  commit: string;
  database: string;
  viaNginx: boolean;
  /** The second server nginx balanced to, with --cluster. */
  secondServer?: string;
  publishedArticles: number;
  settings: LoadSettings;
  load: LoadResult[];
  firstArticles: FirstRequests;
  deepPage: DeepPage;
  otherFirstPage: FirstPage;
  scripts: ScriptWeight;
  publish: PublishOutcome;
  serverMemory: Memory | { unknown: string };
  nginxMemory?: Memory;
};

// autocannon counts whole milliseconds, so its zero means "under one".
const ms = (value: number) => (value < 1 ? "<1 ms" : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const whole = (value: number) => Math.round(value).toLocaleString("en-GB");
const rate = (value: number) => (value < 10 ? value.toFixed(1) : whole(value));
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const routeKey = (run: Pick<BenchRun, "viaNginx" | "secondServer">) =>
  run.secondServer ? "cluster" : run.viaNginx ? "nginx" : "direct";
export const sectionKey = (run: Pick<BenchRun, "database" | "viaNginx" | "secondServer">) =>
  `bench:${run.database}:${routeKey(run)}`;
const ROUTES = {
  direct: "straight to next start",
  nginx: "through the nginx micro-cache",
  cluster: "through nginx balancing two next start servers that share Redis",
};
const route = (run: BenchRun) => ROUTES[routeKey(run)];

function loadTable(run: BenchRun): { header: string[]; rows: string[][] } {
  const baseline = run.load[0]!.requestsPerSecond;
  const header = ["page", "path", "req/s", "p50", "p99", "errors", "non-2xx", "× static", "cache"];
  // With no answer inside the run there is no latency to show, and a zero would look like a fast one.
  const latency = (result: LoadResult, value: number) => (result.requestsPerSecond > 0 ? ms(value) : "—");
  const rows = run.load.map((result) => [
    result.label,
    `\`${result.path}\``,
    rate(result.requestsPerSecond),
    latency(result, result.p50),
    latency(result, result.p99),
    result.timeouts ? `${result.errors} (${result.timeouts} timed out)` : String(result.errors),
    String(result.non2xx),
    (result.requestsPerSecond / baseline).toFixed(2),
    result.cache || "—",
  ]);
  return { header, rows };
}

function memoryLine(run: BenchRun): string {
  const server =
    "unknown" in run.serverMemory
      ? `unknown (${run.serverMemory.unknown})`
      : `${whole(run.serverMemory.megabytes)} MB (pid ${run.serverMemory.pid}, ${run.serverMemory.processes} process${run.serverMemory.processes === 1 ? "" : "es"})`;
  const nginx = run.nginxMemory
    ? `; nginx ${whole(run.nginxMemory.megabytes)} MB in ${run.nginxMemory.processes} processes`
    : "";
  return `Server resident memory at the end: ${server}${nginx}.`;
}

function scriptsLine({ scripts }: BenchRun): string {
  const skipped = scripts.noModuleScripts
    ? `, plus ${kB(scripts.noModuleGzipBytes)} in ${scripts.noModuleScripts} \`nomodule\` polyfill script(s) that current browsers skip`
    : "";
  const plain = scripts.uncompressed.length
    ? ` (${scripts.uncompressed.length} small script(s) came uncompressed and count at full size)`
    : "";
  return `JavaScript the article page loads: ${kB(scripts.gzipBytes)} gzipped in ${scripts.scripts} scripts${skipped}${plain}.`;
}

function firstArticlesLine({ firstArticles }: BenchRun): string {
  const caches = firstArticles.cacheHeaders.length ? ` (caches said: ${firstArticles.cacheHeaders.join("; ")})` : "";
  return `Uncached article render, first request of ${firstArticles.count} articles one after another: p50 ${ms(firstArticles.p50)}, p95 ${ms(firstArticles.p95)}${caches}.`;
}

const cacheNote = (cache: string) => (cache ? ` (${cache})` : "");

function deepPageLine({ deepPage, otherFirstPage }: BenchRun): string {
  const reach = deepPage.isLastPage ? `its last page, page ${deepPage.depth}` : `page ${deepPage.depth}`;
  const deep = `${reach} (\`${deepPage.path}\`, reached by rel="next" links) ${ms(deepPage.ms)}${cacheNote(deepPage.cache)}`;
  return `Section archive, first requests: ${deep}; page 1 of \`${otherFirstPage.path}\` ${ms(otherFirstPage.ms)}${cacheNote(otherFirstPage.cache)}.`;
}

function publishLine({ publish }: BenchRun): string {
  if ("skipped" in publish) return `Publish → visible: skipped, ${publish.skipped}.`;
  if ("failed" in publish) return `Publish → visible: failed, ${publish.failed}`;
  const times = publish.visible.map(
    ({ path, ms: time }) => `\`${path}\` ${time === null ? "not visible within 120 s" : ms(time)}`,
  );
  return `Publish → visible (both pages requested just before publishing; from the editor's redirect after "Publish now" to the headline in a plain GET): ${times.join(", ")}.`;
}

// Longer than even a slow page takes alone: requests the load left queued were served first.
const BACKLOG_MS = 5_000;

function backlogLines({ load }: BenchRun): string[] {
  return load
    .filter((result) => result.recoveryMs > BACKLOG_MS)
    .map(
      (result) =>
        `The first request for \`${result.path}\` after its load took ${(result.recoveryMs / 1000).toFixed(0)} s: the server had fallen behind and served the queued requests first.`,
    );
}

function summaryLines(run: BenchRun): string[] {
  return [
    ...backlogLines(run),
    firstArticlesLine(run),
    deepPageLine(run),
    scriptsLine(run),
    memoryLine(run),
    publishLine(run),
  ];
}

function runLine(run: BenchRun): string {
  return [
    `Run ${run.date.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `commit ${run.commit}`,
    `database ${run.database}`,
    `${whole(run.publishedArticles)} published articles (sitemap)`,
    route(run),
    `${run.settings.duration} s per URL after a warm-up, ${run.settings.connections} connections, requests ask for gzip`,
  ].join(" · ");
}

export function toMarkdown(run: BenchRun): string {
  const { header, rows } = loadTable(run);
  return [
    `## Load: ${run.database}, ${route(run)}`,
    "",
    `${runLine(run)}.`,
    "",
    markdownTable(header, rows),
    "",
    ...summaryLines(run).map((line) => `- ${line}`),
  ].join("\n");
}

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join("  "),
    )
    .join("\n");
}

export function toConsole(run: BenchRun): string {
  const { header, rows } = loadTable(run);
  const plainRows = rows.map((row) => row.map((cell) => cell.replaceAll("`", "")));
  return [
    runLine(run),
    "",
    pad([header, ...plainRows]),
    "",
    ...summaryLines(run).map((line) => line.replaceAll("`", "")),
  ].join("\n");
}
