import { readerTags } from "@/lib/cache-tags";
import { sectionChannel } from "@/lib/feeds/build-feeds";
import { feedNotFound } from "@/lib/feeds/feed-response";
import { findFeedSection } from "@/lib/feeds/feed-sources";
import { serveFeed } from "@/lib/feeds/serve-feed";
import { site } from "@/lib/site";

type Context = { params: Promise<{ slug: string }> };

/** One section's public stories, as RSS 2.0. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const section = await findFeedSection((await params).slug);
  if (!section) return feedNotFound("No such section.");
  return serveFeed(request, {
    format: "rss",
    channel: sectionChannel(site, section),
    scope: { kind: "section", sectionId: section.id },
    madeOf: readerTags.section(section.slug),
  });
}
