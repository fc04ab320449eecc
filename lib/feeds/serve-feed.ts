import "server-only";
import { LRUCache } from "lru-cache";
import { listCorrections } from "@/db/queries/published-notes";
import { listFeedArticles, type FeedScope } from "@/db/queries/feeds";
import { getLiveFeed } from "@/db/queries/live-entries";
import { readerTags, type ReaderTag } from "@/lib/cache-tags";
import { cachedForReaders } from "@/lib/reader-cache";
import { site } from "@/lib/site";
import {
  buildAtomFeed,
  buildCorrectionsRssFeed,
  buildJsonFeed,
  buildLiveEntriesRssFeed,
  buildRssFeed,
  correctionsLastModified,
  feedLastModified,
  liveFeedLastModified,
  type FeedChannel,
  type FeedInput,
} from "./build-feeds";
import { feedEntityTag, feedResponse, type FeedFormat } from "./feed-response";

const builders: Record<FeedFormat, (input: FeedInput) => string> = {
  rss: buildRssFeed,
  atom: buildAtomFeed,
  json: buildJsonFeed,
};

/** `madeOf` tags the cached document: `feeds` for the site's own, the section's, tag's or writer's for theirs. */
type FeedRequest = { format: FeedFormat; channel: FeedChannel; scope: FeedScope; madeOf: ReaderTag };

/**
 * What the shared cache keeps of a feed: which version it is (its ETag) and its date, a few bytes
 * every poll reads and expires by tag on every server. The document itself stays in this server's
 * memory as bytes, so a poll neither parses a cached copy of it nor encodes it again.
 */
type FeedVersion = { etag: string; lastModified: string };
type BuiltFeed = { body: string; lastModified: Date };

// Enough for the site's feeds in three formats and a few hundred section, tag and writer feeds.
const FEED_BYTES_BUDGET = 64 * 1024 * 1024;
const feedBytes = new LRUCache<string, Uint8Array<ArrayBuffer>>({
  maxSize: FEED_BYTES_BUDGET,
  sizeCalculation: (bytes) => Math.max(1, bytes.byteLength),
});

/** A feed just built, as bytes in this server's memory, under their ETag. */
function keep({ body, lastModified }: BuiltFeed) {
  const bytes = new TextEncoder().encode(body);
  const version = { etag: feedEntityTag(bytes), lastModified: lastModified.toISOString() };
  feedBytes.set(version.etag, bytes);
  return { version, body: bytes };
}

const remember = (built: BuiltFeed): FeedVersion => keep(built).version;

/** This server's bytes of a version of a feed, or those of the version it has just built instead. */
function bytesOf(cached: FeedVersion, built: BuiltFeed | null) {
  return built ? keep(built) : { version: cached, body: feedBytes.get(cached.etag)! };
}

function answer(request: Request, format: FeedFormat, { version, body }: ReturnType<typeof bytesOf>) {
  return feedResponse(request, { format, body, etag: version.etag, lastModified: new Date(version.lastModified) });
}

/**
 * The feed at the version the cache names. This server builds it again only if it never built that
 * version (another server did) or let it go; what it builds is served under its own ETag.
 */
async function serveVersion(
  request: Request,
  format: FeedFormat,
  cached: FeedVersion,
  build: () => Promise<BuiltFeed>,
) {
  return answer(request, format, bytesOf(cached, feedBytes.has(cached.etag) ? null : await build()));
}

async function buildFeed({ format, channel, scope }: FeedRequest): Promise<BuiltFeed> {
  const articles = await listFeedArticles({ scope });
  return { body: builders[format]({ site, channel, articles }), lastModified: feedLastModified(articles) };
}

/** Built once per change and shared by every subscriber's poll, not once per request. */
const feedVersion = cachedForReaders(
  "feed-version",
  async (feed: FeedRequest) => remember(await buildFeed(feed)),
  ({ madeOf }) => [madeOf],
);

/** One feed, from the database to the reader: its newest public stories in the format asked for. */
export async function serveFeed(request: Request, feed: FeedRequest): Promise<Response> {
  return serveVersion(request, feed.format, await feedVersion(feed), () => buildFeed(feed));
}

async function buildCorrectionsFeed(): Promise<BuiltFeed> {
  const { corrections } = await listCorrections();
  return { body: buildCorrectionsRssFeed({ site, corrections }), lastModified: correctionsLastModified(corrections) };
}

const correctionsVersion = cachedForReaders(
  "corrections-feed-version",
  async () => remember(await buildCorrectionsFeed()),
  () => [readerTags.corrections],
);

/** The corrections page's feed: its newest corrections and clarifications. */
export async function serveCorrectionsFeed(request: Request): Promise<Response> {
  return serveVersion(request, "rss", await correctionsVersion(), buildCorrectionsFeed);
}

async function buildLiveFeed(slug: string): Promise<BuiltFeed | null> {
  const live = await getLiveFeed({ slug });
  if (!live) return null;
  return { body: buildLiveEntriesRssFeed({ site, ...live }), lastModified: liveFeedLastModified(live.entries) };
}

const liveFeedVersion = cachedForReaders(
  "live-feed-version",
  async (slug: string) => {
    const built = await buildLiveFeed(slug);
    return built ? remember(built) : null;
  },
  (slug) => [readerTags.articleAddress(slug)],
);

/** A live story's feed of entries; null for an address that is no live story. */
export async function serveLiveFeed(request: Request, slug: string): Promise<Response | null> {
  const version = await liveFeedVersion(slug);
  if (!version) return null;
  if (feedBytes.has(version.etag)) return answer(request, "rss", bytesOf(version, null));
  const built = await buildLiveFeed(slug);
  return built ? answer(request, "rss", bytesOf(version, built)) : null;
}
