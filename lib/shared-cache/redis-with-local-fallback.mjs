/**
 * One Next.js cache for every app server, kept in Redis, with this server's memory standing in
 * only while Redis cannot be used.
 *
 * Redis is the single source of truth: a page or document another server expired must never be
 * served from a local copy while Redis answers, so the local cache is neither read nor written
 * then. While Redis is down, slow or unreachable, pages keep serving from (and are stored in) this
 * server's memory, and the tags it expires meanwhile are remembered. When Redis is back, those
 * tags are sent to it before it is read again and the local copies are dropped: nothing this
 * server published during the outage stays stale elsewhere, and nothing it cached alone outlives it.
 *
 * Plain JavaScript because Next loads the cache handler at run time, outside its bundler.
 */

// A read or write slower than this is served locally: a reader must not wait on a hung Redis. Not
// less: on a busy server the event loop itself lags by hundreds of milliseconds, and a shorter
// limit sent healthy servers to their own memory and back many times a second (measured).
export const REDIS_TIMEOUT_MS = 1_500;
// After a timeout Redis is left alone this long, so every request does not pay the timeout again.
const REDIS_PAUSE_MS = 5_000;
// A connection not ready for this long is replaced: node-redis can stay half-connected for ever
// after a reset in the middle of its hand-shake (seen under load), never reconnecting by itself.
const REPLACE_CONNECTION_AFTER_MS = 10_000;
// Expiring a tag scans Redis's tag index: it may take longer than a read.
const EXPIRY_TIMEOUT_MS = 5 * REDIS_TIMEOUT_MS;
const CATCH_UP_INTERVAL_MS = 1_000;

class RedisTimeout extends Error {}

// node-redis forgets a command's AbortSignal once the command is on the socket, so a hung Redis
// (a stopped process, a black-holed network) would hold the request for ever without this.
// The verdict waits for setImmediate: after a long busy turn of the event loop the timer and
// Redis's answer are both due, timers run first, and the answer, read in the poll phase just
// after, must still win. Without that a loaded server blamed Redis for its own lag.
function within(ms, promise) {
  let settled = false;
  const answer = promise.finally(() => (settled = true));
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => setImmediate(() => settled || reject(new RedisTimeout(`Redis did not answer within ${ms} ms`))),
      ms,
    );
  });
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}

/**
 * @typedef {import("@fortedigital/nextjs-cache-handler").Handler} Handler
 * @typedef {{ isReady: boolean, destroy: () => void }} RedisClient
 * @typedef {{ client: RedisClient, redis: Handler, connected: Promise<unknown> }} RedisLink
 * @param {() => RedisLink} connect opens a connection to Redis and the Redis handler on it
 * @param {() => Handler} createLocal a fresh local cache
 * @param {{ log?: { warn: (message: string) => void }, replaceConnectionAfterMs?: number }} [options]
 */
export function redisWithLocalFallback(
  connect,
  createLocal,
  { log = console, replaceConnectionAfterMs = REPLACE_CONNECTION_AFTER_MS } = {},
) {
  let link = connect();
  let notReadySince = null;
  let local = createLocal();
  let pausedUntil = 0;
  // Served or stored locally since Redis was last in use: local copies exist that Redis does not know.
  let degraded = false;
  const missedTags = new Set();
  let catchingUp = null;

  const reachable = () => link.client.isReady && Date.now() >= pausedUntil;

  function replaceStuckConnection() {
    if (link.client.isReady) return void (notReadySince = null);
    notReadySince ??= Date.now();
    if (Date.now() - notReadySince < replaceConnectionAfterMs) return;
    log.warn(
      `[shared cache] no Redis connection for ${Math.round((Date.now() - notReadySince) / 1000)} s: opening a new one`,
    );
    try {
      link.client.destroy();
    } catch {
      // Already closed: nothing to let go of.
    }
    link = connect();
    notReadySince = Date.now();
  }

  function failed(error) {
    if (!degraded)
      log.warn(`[shared cache] Redis unusable, serving from this server's memory: ${error?.message ?? error}`);
    degraded = true;
    if (error instanceof RedisTimeout) pausedUntil = Date.now() + REDIS_PAUSE_MS;
  }

  async function catchUp() {
    for (const tag of [...missedTags]) {
      await within(EXPIRY_TIMEOUT_MS, link.redis.revalidateTag(tag));
      missedTags.delete(tag);
    }
    local = createLocal();
    degraded = false;
    log.warn("[shared cache] Redis is back: expiries made meanwhile sent, local copies dropped");
  }

  /** True when Redis may be used now; while it is not, starts catching up once it is reachable. */
  function usable() {
    if (!reachable()) return false;
    if (!degraded && missedTags.size === 0) return true;
    catchingUp ??= catchUp()
      .catch(failed)
      .finally(() => (catchingUp = null));
    return false;
  }

  setInterval(() => {
    replaceStuckConnection();
    usable();
  }, CATCH_UP_INTERVAL_MS).unref();

  return {
    name: "redis-with-local-fallback",
    /** Settles when the first connection is made or has failed. */
    connected: link.connected,
    async get(key, meta) {
      if (usable()) {
        try {
          return await within(REDIS_TIMEOUT_MS, link.redis.get(key, meta));
        } catch (error) {
          failed(error);
        }
      } else degraded = true;
      return local.get(key, meta);
    },
    async set(key, value, context) {
      if (usable()) {
        try {
          return await within(REDIS_TIMEOUT_MS, link.redis.set(key, value, context));
        } catch (error) {
          failed(error);
        }
      } else degraded = true;
      return local.set(key, value, context);
    },
    async revalidateTag(tag) {
      await local.revalidateTag(tag);
      if (reachable() && missedTags.size === 0) {
        try {
          return await within(EXPIRY_TIMEOUT_MS, link.redis.revalidateTag(tag));
        } catch (error) {
          failed(error);
        }
      }
      missedTags.add(tag);
      degraded = true;
      log.warn(`[shared cache] Redis unreachable: "${tag}" expired on this server only until it is back`);
    },
    async delete(key) {
      await local.delete?.(key);
      if (reachable()) await within(REDIS_TIMEOUT_MS, link.redis.delete?.(key)).catch(failed);
    },
  };
}
