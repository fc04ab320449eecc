import type { Handler } from "@fortedigital/nextjs-cache-handler";

export declare const REDIS_TIMEOUT_MS: number;

/** Types for redis-with-local-fallback.mjs, which Next loads as plain JavaScript. */
export declare function redisWithLocalFallback(
  client: { isReady: boolean },
  redis: Handler,
  createLocal: () => Handler,
  log?: { warn: (message: string) => void },
): Required<Pick<Handler, "get" | "set" | "revalidateTag">> & Pick<Handler, "delete"> & { name: string };
