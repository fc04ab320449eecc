import { readerTags } from "@/lib/cache-tags";
import { siteChannel } from "@/lib/feeds/build-feeds";
import { serveFeed } from "@/lib/feeds/serve-feed";
import { routes } from "@/lib/routes";
import { site } from "@/lib/site";

/** Every public story on the site, as RSS 2.0. */
export async function GET(request: Request): Promise<Response> {
  return serveFeed(request, {
    format: "rss",
    channel: siteChannel(site, routes.siteFeeds.rss),
    scope: { kind: "site" },
    madeOf: readerTags.feeds,
  });
}
