import { readerTags } from "@/lib/cache-tags";
import { tagChannel } from "@/lib/feeds/build-feeds";
import { feedNotFound } from "@/lib/feeds/feed-response";
import { findFeedTag, findMovedFeedTag } from "@/lib/feeds/feed-sources";
import { serveFeed } from "@/lib/feeds/serve-feed";
import { routes } from "@/lib/routes";
import { site } from "@/lib/site";

type Context = { params: Promise<{ slug: string }> };

/** A renamed or merged tag's old feed address keeps its subscribers: they move with a permanent redirect. */
async function feedAtCurrentAddress(oldSlug: string): Promise<Response> {
  const currentSlug = await findMovedFeedTag(oldSlug);
  if (!currentSlug) return feedNotFound("No such tag.");
  return Response.redirect(new URL(routes.tagFeed(currentSlug), site.url), 308);
}

/** One tag's public stories, as RSS 2.0. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  const tag = await findFeedTag(slug);
  if (!tag) return feedAtCurrentAddress(slug);
  return serveFeed(request, {
    format: "rss",
    channel: tagChannel(site, tag),
    scope: { kind: "tag", tagId: tag.id },
    madeOf: readerTags.tag(tag.slug),
  });
}
