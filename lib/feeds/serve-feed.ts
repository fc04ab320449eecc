import "server-only";
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

/** A feed as the cache keeps it: its text, hashed once when built, and its date (as JSON carries it). */
type StoredFeed = { body: string; etag: string; lastModified: string };

const storedFeed = (body: string, lastModified: Date): StoredFeed => ({
  body,
  etag: feedEntityTag(body),
  lastModified: lastModified.toISOString(),
});

const answer = (request: Request, format: FeedFormat, stored: StoredFeed) =>
  feedResponse(request, { format, ...stored, lastModified: new Date(stored.lastModified) });

/** Built once per change and shared by every subscriber's poll, not once per request. */
const feedDocument = cachedForReaders(
  "feed-document",
  async ({ format, channel, scope }: FeedRequest) => {
    const articles = await listFeedArticles({ scope });
    return storedFeed(builders[format]({ site, channel, articles }), feedLastModified(articles));
  },
  ({ madeOf }) => [madeOf],
);

/** One feed, from the database to the reader: its newest public stories in the format asked for. */
export async function serveFeed(request: Request, feed: FeedRequest): Promise<Response> {
  return answer(request, feed.format, await feedDocument(feed));
}

const correctionsDocument = cachedForReaders(
  "corrections-feed",
  async () => {
    const { corrections } = await listCorrections();
    return storedFeed(buildCorrectionsRssFeed({ site, corrections }), correctionsLastModified(corrections));
  },
  () => [readerTags.corrections],
);

/** The corrections page's feed: its newest corrections and clarifications. */
export async function serveCorrectionsFeed(request: Request): Promise<Response> {
  return answer(request, "rss", await correctionsDocument());
}

const liveFeedDocument = cachedForReaders(
  "live-feed",
  async (slug: string) => {
    const live = await getLiveFeed({ slug });
    if (!live) return null;
    return storedFeed(buildLiveEntriesRssFeed({ site, ...live }), liveFeedLastModified(live.entries));
  },
  (slug) => [readerTags.articleAddress(slug)],
);

/** A live story's feed of entries; null for an address that is no live story. */
export async function serveLiveFeed(request: Request, slug: string): Promise<Response | null> {
  const document = await liveFeedDocument(slug);
  return document ? answer(request, "rss", document) : null;
}
