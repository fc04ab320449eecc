/**
 * Next.js's page and data cache. With REDIS_URL it is kept in Redis, shared by every app server:
 * a story published through one server is expired there for all of them, so none keeps serving
 * the old page (docs/DEPLOY.md). Without it, in this server's memory alone.
 */
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { createClient } from "@redis/client";
import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { createLocalPageCache } from "./local-page-cache.mjs";
import { REDIS_TIMEOUT_MS, redisWithLocalFallback } from "./redis-with-local-fallback.mjs";

// At most 5,000 pages and documents and 128 MB of their HTML, RSC data and documents in one
// server's memory (about what 256 MB measured as JSON held before, docs/BENCHMARKS.md).
const createLocal = () => createLocalPageCache({ maxEntries: 5_000, maxBytes: 128 * 1024 * 1024 });
// How long a server that starts while Redis is away waits for it before serving from memory.
const FIRST_CONNECT_WAIT_MS = 1_000;
// next.config's `expireTime`, left at its default: how long a stale page may be served at all.
const EXPIRE_SECONDS = 365 * 24 * 60 * 60;
// Stale pages are served while one request re-renders them; a day covers a night of no readers.
const STALE_FOR_SECONDS = 24 * 60 * 60;

function connectRedis(url, buildId) {
  const client = createClient({
    url,
    // A command sent while disconnected fails at once instead of queueing behind the outage.
    disableOfflineQueue: true,
    pingInterval: 1_000,
    socket: { connectTimeout: 1_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  });
  // Without a listener node-redis throws on error and stops reconnecting.
  client.on("error", () => {});
  const redis = createRedisHandler({
    client,
    // Entries of one build only: every server must run the same `.next` (same BUILD_ID).
    keyPrefix: `meridian:${buildId?.trim() || "unknown-build"}:`,
    // node-redis's own limit only frees its queue; the wrapper's limit decides (see within()),
    // and an AbortSignal fires before a late turn of the event loop has read the answer.
    timeoutMs: 4 * REDIS_TIMEOUT_MS,
    keyExpirationStrategy: "EXAT",
  });
  return { client, redis, connected: client.connect().catch(() => {}) };
}

CacheHandler.onCreation(async ({ buildId }) => {
  // `next build` renders no reader page and must not need Redis.
  if (!process.env.REDIS_URL || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return { handlers: [createLocal()] };
  const shared = redisWithLocalFallback(() => connectRedis(process.env.REDIS_URL, buildId), createLocal);
  // Not awaited to the end: a server started during a Redis outage must serve, from memory.
  await Promise.race([shared.connected, new Promise((resolve) => setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref())]);
  return {
    handlers: [shared],
    ttl: {
      defaultStaleAge: STALE_FOR_SECONDS,
      estimateExpireAge: (staleAge) => Math.max(2 * staleAge, STALE_FOR_SECONDS),
    },
  };
});

/**
 * Returns each page's own lifetime with it. Without it, Next treats a page another server
 * rendered as stale one second after it was written and re-renders it in the background.
 */
export default class SharedCacheHandler extends CacheHandler {
  async get(key, context) {
    const entry = await super.get(key, context);
    const revalidate = entry?.lifespan?.revalidate;
    if (entry && entry.value?.kind !== "FETCH" && (typeof revalidate === "number" || revalidate === false)) {
      return { ...entry, cacheControl: { revalidate, expire: revalidate === false ? undefined : EXPIRE_SECONDS } };
    }
    return entry;
  }
}
