import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { waitForReplicaToCatchUp } from "@/db/client";
import { readerTags, type ReaderTag } from "@/lib/cache-tags";
import { forgetSearchResults } from "@/lib/search-results";

/**
 * Reader pages are cached whole by Next (rendered on first request, `revalidate` seconds at most);
 * feeds and sitemaps cache their documents here. Staff changes expire what they touch, at once,
 * so a reader sees a publish on the next request. That request renders from the read replica, if
 * there is one, so expiring first waits for the replica to hold the change: a page rendered from
 * the old rows would be cached again for minutes.
 */

// Lists move on their own when a scheduled story's time comes: a minute is how late it may show.
const READER_DOCUMENT_SECONDS = 60;

/**
 * Caches a JSON-safe result (feed bodies, sitemaps, section lookups) for reader route handlers,
 * tagged with what it is made of, so the writes that change those things expire it.
 */
export function cachedForReaders<Args extends unknown[], Result>(
  name: string,
  load: (...args: Args) => Promise<Result>,
  tagsFor: (...args: Args) => readonly ReaderTag[],
) {
  // Next fixes an entry's tags before the load runs, and keeps none that a cached read inside it makes.
  return (...args: Args) =>
    unstable_cache(load, [name], { tags: [...tagsFor(...args)], revalidate: READER_DOCUMENT_SECONDS })(...args);
}

// One cache entry that holds nothing but the tags: reading it is what attaches them to the page.
const pageTagMarker = async () => true;
// Next takes at most this many tags from one cached read and drops the rest (a front page of many sections).
const TAGS_PER_READ = 128;
// Next refuses a longer tag with a warning. No slug is that long, so such an address names nothing to expire.
const MAX_TAG_LENGTH = 256;

/**
 * Tags the reader page being rendered with what it shows. Next keeps the tags of every cached read
 * made during a render with the page's cache entry, here and in the shared cache, so expiring one
 * of them expires the page on every server.
 */
export async function tagReaderPage(readerTags: readonly ReaderTag[]): Promise<void> {
  const tags = readerTags.filter((tag) => tag.length <= MAX_TAG_LENGTH);
  for (let start = 0; start < tags.length; start += TAGS_PER_READ) {
    await unstable_cache(pageTagMarker, ["reader-page-tags"], { tags: tags.slice(start, start + TAGS_PER_READ) })();
  }
}

/**
 * Expires every cached reader page and document tagged with any of `tags`, at once and on every
 * server. The next request renders from the read replica, if there is one, so this first waits
 * for the replica to hold the change: a page rendered from the old rows would be cached again.
 */
export async function expireReaderTags(tags: readonly ReaderTag[]): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  await waitForReplicaToCatchUp();
  for (const tag of unique) revalidateTag(tag, { expire: 0 });
  if (unique.includes(readerTags.search)) forgetSearchResults();
}
