import "server-only";
import { listFeedArticles, type FeedScope } from "@/db/queries/feeds";
import { site } from "@/lib/site";
import { buildAtomFeed, buildJsonFeed, buildRssFeed, feedLastModified, type FeedChannel, type FeedInput } from "./build-feeds";
import { feedResponse, type FeedFormat } from "./feed-response";

const builders: Record<FeedFormat, (input: FeedInput) => string> = {
  rss: buildRssFeed,
  atom: buildAtomFeed,
  json: buildJsonFeed,
};

/** One feed, from the database to the reader: its newest public stories in the format asked for. */
export async function serveFeed(
  request: Request,
  { format, channel, scope }: { format: FeedFormat; channel: FeedChannel; scope: FeedScope },
): Promise<Response> {
  const articles = await listFeedArticles({ scope });
  const body = builders[format]({ site, channel, articles });
  return feedResponse(request, { format, body, lastModified: feedLastModified(articles) });
}
