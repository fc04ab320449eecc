import autocannon from "autocannon";
import { BROWSER_HEADERS, cacheHeader } from "./http";

export type LoadSettings = { duration: number; connections: number };

export type LoadResult = {
  label: string;
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  cache: string;
  recoveryMs: number;
};

// Long enough for Node's JIT and every cache on the way to settle, short next to the measurement.
const WARM_UP_SECONDS = 3;
const RECOVERY_ATTEMPT_MS = 60_000;
const RECOVERY_LIMIT_MS = 15 * 60_000;

const isTimeout = (error: unknown) => error instanceof Error && error.name === "TimeoutError";

/**
 * A server that fell behind keeps serving the queued requests after the load stops; the next
 * measurement must not share the server with them. Resolves once the URL is answered again.
 */
async function waitForRecovery(url: string): Promise<{ ms: number; cache: string }> {
  const started = performance.now();
  while (performance.now() - started < RECOVERY_LIMIT_MS) {
    try {
      const response = await fetch(url, { headers: BROWSER_HEADERS, signal: AbortSignal.timeout(RECOVERY_ATTEMPT_MS) });
      await response.arrayBuffer();
      return { ms: performance.now() - started, cache: cacheHeader(response.headers) };
    } catch (error) {
      if (!isTimeout(error)) throw error;
    }
  }
  throw new Error(`${url} still had no answer ${RECOVERY_LIMIT_MS / 60_000} minutes after the load on it`);
}

/** Warms the URL up, then measures it under a steady load for the configured duration. */
export async function measureLoad(
  baseUrl: string,
  target: { label: string; path: string },
  settings: LoadSettings,
): Promise<LoadResult> {
  const url = baseUrl + target.path;
  const options = { url, connections: settings.connections, headers: BROWSER_HEADERS };
  await autocannon({ ...options, duration: Math.min(WARM_UP_SECONDS, settings.duration) });
  await waitForRecovery(url);
  const result = await autocannon({ ...options, duration: settings.duration });
  const recovery = await waitForRecovery(url);
  return {
    ...target,
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    cache: recovery.cache,
    recoveryMs: recovery.ms,
  };
}
