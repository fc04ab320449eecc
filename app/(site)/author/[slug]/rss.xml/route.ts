import { readerTags } from "@/lib/cache-tags";
import { authorChannel } from "@/lib/feeds/build-feeds";
import { feedNotFound } from "@/lib/feeds/feed-response";
import { findFeedAuthor } from "@/lib/feeds/feed-sources";
import { serveFeed } from "@/lib/feeds/serve-feed";
import { site } from "@/lib/site";

type Context = { params: Promise<{ slug: string }> };

/** Every public story a writer is a byline on, as RSS 2.0. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const author = await findFeedAuthor((await params).slug);
  if (!author) return feedNotFound("No such writer.");
  return serveFeed(request, {
    format: "rss",
    channel: authorChannel(site, author),
    scope: { kind: "author", authorId: author.id },
    madeOf: readerTags.author(author.slug),
  });
}
