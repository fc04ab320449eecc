/**
 * One server's own cache of pages and documents: an LRU bounded in entries and in bytes, with
 * expiry by tag as Next asks. The library's local handler measures each entry by JSON-stringifying
 * it on every write, which cost a first render of a story more than a millisecond and counted a
 * page's RSC bytes three times over (a Buffer in JSON is a list of numbers); this one adds up the
 * lengths of the strings and buffers the entry holds.
 */
import { LRUCache } from "lru-cache";

// Next's implicit tags (one per path) expire entries that were written before the expiry.
const IMPLICIT_TAG_PREFIX = "_N_T_";
// A page's tree is a few levels deep; deeper than this holds nothing big.
const MAX_DEPTH = 6;

/** Roughly the bytes an entry keeps in memory: its strings and buffers, walked a few levels deep. */
export function entrySize(value, depth = 0) {
  if (typeof value === "string") return value.length;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return 8;
  const children = value instanceof Map ? value.values() : Array.isArray(value) ? value : Object.values(value);
  let size = 0;
  for (const child of children) size += entrySize(child, depth + 1);
  return size;
}

/**
 * @param {{ maxEntries: number, maxBytes: number }} limits
 * @returns {import("@fortedigital/nextjs-cache-handler").Handler}
 */
export function createLocalPageCache({ maxEntries, maxBytes }) {
  const entries = new LRUCache({
    max: maxEntries,
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(1, entrySize(entry.value)),
  });
  const implicitExpiries = new Map();
  const expiredSince = (entry, tags) =>
    tags.some((tag) => (implicitExpiries.get(tag) ?? -Infinity) > entry.lastModified);
  return {
    name: "local-page-cache",
    async get(key, { implicitTags }) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (expiredSince(entry, [...entry.tags, ...implicitTags])) {
        entries.delete(key);
        return null;
      }
      return entry;
    },
    async set(key, entry, context) {
      if (context?.setOnlyIfNotExists && entries.has(key)) return;
      entries.set(key, entry);
    },
    async revalidateTag(tag) {
      for (const [key, entry] of entries.entries()) if (entry.tags.includes(tag)) entries.delete(key);
      if (tag.startsWith(IMPLICIT_TAG_PREFIX)) implicitExpiries.set(tag, Date.now());
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}
