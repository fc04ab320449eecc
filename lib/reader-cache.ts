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

/** Caches a JSON-safe result (feed bodies, sitemaps, section lookups) for reader route handlers. */
export function cachedForReaders<Args extends unknown[], Result>(
  name: string,
  load: (...args: Args) => Promise<Result>,
) {
  return unstable_cache(load, [name], { tags: [READER_DOCUMENTS_TAG], revalidate: READER_DOCUMENT_SECONDS });
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
