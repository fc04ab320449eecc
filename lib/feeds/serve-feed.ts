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
import { feedResponse, type FeedFormat } from "./feed-response";

const builders: Record<FeedFormat, (input: FeedInput) => string> = {
  rss: buildRssFeed,
  atom: buildAtomFeed,
  json: buildJsonFeed,
};

/** `madeOf` tags the cached document: `feeds` for the site's own, the section's, tag's or writer's for theirs. */
type FeedRequest = { format: FeedFormat; channel: FeedChannel; scope: FeedScope; madeOf: ReaderTag };

/** Built once per change and shared by every subscriber's poll, not once per request. */
const feedDocument = cachedForReaders(
  "feed-document",
  async ({ format, channel, scope }: FeedRequest) => {
    const articles = await listFeedArticles({ scope });
    return {
      body: builders[format]({ site, channel, articles }),
      lastModified: feedLastModified(articles).toISOString(),
    };
  },
  ({ madeOf }) => [madeOf],
);

/** One feed, from the database to the reader: its newest public stories in the format asked for. */
export async function serveFeed(request: Request, feed: FeedRequest): Promise<Response> {
  const { body, lastModified } = await feedDocument(feed);
  return feedResponse(request, { format: feed.format, body, lastModified: new Date(lastModified) });
}

const correctionsDocument = cachedForReaders(
  "corrections-feed",
  async () => {
    const { corrections } = await listCorrections();
    return {
      body: buildCorrectionsRssFeed({ site, corrections }),
      lastModified: correctionsLastModified(corrections).toISOString(),
    };
  },
  () => [readerTags.corrections],
);

/** The corrections page's feed: its newest corrections and clarifications. */
export async function serveCorrectionsFeed(request: Request): Promise<Response> {
  const { body, lastModified } = await correctionsDocument();
  return feedResponse(request, { format: "rss", body, lastModified: new Date(lastModified) });
}

const liveFeedDocument = cachedForReaders(
  "live-feed",
  async (slug: string) => {
    const live = await getLiveFeed({ slug });
    if (!live) return null;
    return {
      body: buildLiveEntriesRssFeed({ site, ...live }),
      lastModified: liveFeedLastModified(live.entries).toISOString(),
    };
  },
  (slug) => [readerTags.articleAddress(slug)],
);

/** A live story's feed of entries; null for an address that is no live story. */
export async function serveLiveFeed(request: Request, slug: string): Promise<Response | null> {
  const document = await liveFeedDocument(slug);
  if (!document) return null;
  return feedResponse(request, { format: "rss", body: document.body, lastModified: new Date(document.lastModified) });
}
