import type { Handler } from "@fortedigital/nextjs-cache-handler";

/** Types for local-page-cache.mjs, which Next loads as plain JavaScript. */
export declare function entrySize(value: unknown): number;
export declare function createLocalPageCache(limits: { maxEntries: number; maxBytes: number }): Handler;
