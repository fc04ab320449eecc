import { readerTags } from "@/lib/cache-tags";
import { siteChannel } from "@/lib/feeds/build-feeds";
import { serveFeed } from "@/lib/feeds/serve-feed";
import { routes } from "@/lib/routes";
import { site } from "@/lib/site";

/** Every public story on the site, as JSON Feed 1.1. */
export async function GET(request: Request): Promise<Response> {
  return serveFeed(request, {
    format: "json",
    channel: siteChannel(site, routes.siteFeeds.json),
    scope: { kind: "site" },
    madeOf: readerTags.feeds,
  });
}
