/**
 * Render times of pages nobody has asked for yet. Caches are keyed by URL, so the first request
 * for a URL is the one a cache cannot answer: it shows what a reader of an old story waits.
 */
import { timedGet } from "./http";

export type FirstRequests = { count: number; p50: number; p95: number; cacheHeaders: string[] };

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/**
 * `count` items spread evenly over the list, so that old and new stories are both represented,
 * from a random start, so that a second run on the same server meets other stories.
 */
export function spreadSample<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  const step = items.length / count;
  const start = Math.random() * step;
  return Array.from({ length: count }, (_, index) => items[Math.floor(start + index * step)]!);
}

/** One request each, one after another, so that no request waits behind another. */
export async function timeFirstRequests(baseUrl: string, paths: string[]): Promise<FirstRequests> {
  const times: number[] = [];
  const cacheHeaders = new Set<string>();
  for (const path of paths) {
    const response = await timedGet(baseUrl + path);
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    times.push(response.ms);
    if (response.cache) cacheHeaders.add(response.cache);
  }
  times.sort((a, b) => a - b);
  return {
    count: times.length,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    cacheHeaders: [...cacheHeaders],
  };
}
