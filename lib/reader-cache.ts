import "server-only";
import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";
import { waitForReplicaToCatchUp } from "@/db/client";
import type { ReaderTag } from "@/lib/cache-tags";

/**
 * Reader pages are cached whole by Next (rendered on first request, `revalidate` seconds at most);
 * feeds and sitemaps cache their documents here. Staff changes expire what they touch, at once,
 * so a reader sees a publish on the next request. That request renders from the read replica, if
 * there is one, so expiring first waits for the replica to hold the change: a page rendered from
 * the old rows would be cached again for minutes.
 */
const READER_DOCUMENTS_TAG = "reader-documents";

// Lists move on their own when a scheduled story's time comes: a minute is how late it may show.
const READER_DOCUMENT_SECONDS = 60;

/**
 * Caches a JSON-safe result (feed bodies, sitemaps, section lookups) for reader route handlers,
 * tagged with what it is made of, so the writes that change those things expire it.
 */
export function cachedForReaders<Args extends unknown[], Result>(
  name: string,
  load: (...args: Args) => Promise<Result>,
  tagsFor?: (...args: Args) => readonly ReaderTag[],
) {
  return (...args: Args) =>
    unstable_cache(load, [name], {
      tags: [READER_DOCUMENTS_TAG, ...(tagsFor?.(...args) ?? [])],
      revalidate: READER_DOCUMENT_SECONDS,
    })(...args);
}

// One cache entry that holds nothing but the tags: reading it is what attaches them to the page.
const pageTagMarker = async () => true;

/**
 * Tags the reader page being rendered with what it shows. Next keeps the tags of every cached read
 * made during a render with the page's cache entry, here and in the shared cache, so expiring one
 * of them expires the page on every server.
 */
export async function tagReaderPage(tags: readonly ReaderTag[]): Promise<void> {
  if (tags.length === 0) return;
  await unstable_cache(pageTagMarker, ["reader-page-tags"], { tags: [...tags] })();
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
}

// Route patterns as Next tags them: route groups included, `layout` covering every page below.
const STORY_LIST_ROUTES = ["/(site)/category/[slug]", "/(site)/tag/[slug]", "/(site)/author/[slug]"];
const FRONT_PAGE_ROUTE_PATTERN = "/(site)/front-page/[edition]";

/**
 * A story was published, scheduled or edited while public: its page, the home page, every
 * section, tag and writer list (their first pages and the older ones), the feeds and sitemaps.
 * Other stories' "related" lists catch up within their own revalidation time.
 */
export async function expireStoryPages({ slugs }: { slugs: string[] }) {
  await waitForReplicaToCatchUp();
  for (const slug of slugs) revalidatePath(`/articles/${slug}`);
  revalidatePath(FRONT_PAGE_ROUTE_PATTERN, "page");
  for (const route of STORY_LIST_ROUTES) revalidatePath(route, "layout");
  revalidateTag(READER_DOCUMENTS_TAG, { expire: 0 });
}

/**
 * A story was taken down, or a name that every page may show changed (a section, a tag, a
 * photo's text): every reader page and document, so nothing keeps showing it.
 */
export async function expireAllReaderPages() {
  await waitForReplicaToCatchUp();
  revalidatePath("/", "layout");
  revalidateTag(READER_DOCUMENTS_TAG, { expire: 0 });
}
