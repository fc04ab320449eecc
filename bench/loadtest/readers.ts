/**
 * The readers: autocannon connections spread over the pages readers ask for, one autocannon per
 * kind of page so that each kind's answers are counted apart. Every answer's time is kept, so
 * percentiles cover all kinds together as well as each alone.
 */
import autocannon, { type Instance, type Result } from "autocannon";
import { spreadSample } from "../lib/first-requests";
import { BROWSER_HEADERS, getText } from "../lib/http";
import { readSitemap } from "../lib/site";

export type ReaderGroup = { label: string; paths: string[]; connections: number };

export type ReaderResult = ReaderGroup & {
  seconds: number;
  // Every answer's time in milliseconds, sorted.
  latencies: number[];
  statusCodes: Record<string, number>;
  // Connection failures, not counting timeouts.
  errors: number;
  timeouts: number;
  errorMessages: Record<string, number>;
};

const SECTIONS = 4;
const ARTICLES = 8;
// Most readers arrive on an article from a link elsewhere, so articles get the connections left
// over; fewer start at the front page or a section, and feed readers poll.
const SHARES = { home: 0.2, sections: 0.25, feed: 0.1 };
// Far beyond any page's time on a busy machine: a request that waits this long is stuck, not slow.
const REQUEST_TIMEOUT_SECONDS = 30;
// Readers run until told to stop; autocannon wants a duration all the same.
const UNTIL_STOPPED_SECONDS = 24 * 3600;

/** Pages found as a crawler finds them, in the sitemap, so that the test fits whatever the site holds. */
export async function planReaders(baseUrl: string, connections: number): Promise<ReaderGroup[]> {
  const siteMap = await readSitemap(baseUrl);
  if (siteMap.articlePaths.length === 0) throw new Error("The sitemap lists no articles: is the database empty?");
  const share = (fraction: number) => Math.max(1, Math.floor(connections * fraction));
  const home = { label: "home", paths: ["/"], connections: share(SHARES.home) };
  const sections = {
    label: "sections",
    paths: spreadSample(siteMap.sectionPaths, SECTIONS),
    connections: share(SHARES.sections),
  };
  const feed = { label: "RSS", paths: ["/rss.xml"], connections: share(SHARES.feed) };
  const rest = connections - home.connections - sections.connections - feed.connections;
  return [
    home,
    sections,
    { label: "articles", paths: spreadSample(siteMap.articlePaths, ARTICLES), connections: rest },
    feed,
  ];
}

/** One request for each page first: a page missing before the load is a wrong plan, not a failure under it. */
export async function visitOnce(baseUrl: string, groups: ReaderGroup[]): Promise<void> {
  for (const path of groups.flatMap((group) => group.paths)) await getText(baseUrl + path);
}

function countBy(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function startGroup(baseUrl: string, group: ReaderGroup) {
  const latencies: number[] = [];
  const errorMessages: Record<string, number> = {};
  const instance: Instance = autocannon({
    url: baseUrl,
    connections: group.connections,
    duration: UNTIL_STOPPED_SECONDS,
    timeout: REQUEST_TIMEOUT_SECONDS,
    headers: BROWSER_HEADERS,
    requests: group.paths.map((path) => ({ path })),
  });
  instance.on("response", (_client, _status, _bytes, milliseconds) => latencies.push(milliseconds));
  instance.on("reqError", (error) => countBy(errorMessages, error.message));
  const finished = Promise.resolve(instance).then((result) => toReaderResult(group, result, latencies, errorMessages));
  return { instance, finished };
}

function toReaderResult(
  group: ReaderGroup,
  result: Result,
  latencies: number[],
  errorMessages: Record<string, number>,
): ReaderResult {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  return {
    ...group,
    seconds: result.duration,
    latencies: latencies.sort((a, b) => a - b),
    statusCodes,
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    errorMessages,
  };
}

/** Starts every group's connections; `stop` ends them and resolves with what each saw. */
export function startReaders(baseUrl: string, groups: ReaderGroup[]): { stop: () => Promise<ReaderResult[]> } {
  const running = groups.map((group) => startGroup(baseUrl, group));
  return {
    stop: () => {
      for (const { instance } of running) instance.stop();
      return Promise.all(running.map(({ finished }) => finished));
    },
  };
}
