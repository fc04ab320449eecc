import type { Handler } from "@fortedigital/nextjs-cache-handler";

export declare const REDIS_TIMEOUT_MS: number;

/** Types for redis-with-local-fallback.mjs, which Next loads as plain JavaScript. */
export type RedisLink = {
  client: { isReady: boolean; destroy: () => void };
  redis: Handler;
  connected: Promise<unknown>;
};

export declare function redisWithLocalFallback(
  connect: () => RedisLink,
  createLocal: () => Handler,
  options?: { log?: { warn: (message: string) => void }; replaceConnectionAfterMs?: number },
): Required<Pick<Handler, "get" | "set" | "revalidateTag">> &
  Pick<Handler, "delete"> & { name: string; connected: Promise<unknown> };
