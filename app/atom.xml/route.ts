import { readerTags } from "@/lib/cache-tags";
import { siteChannel } from "@/lib/feeds/build-feeds";
import { serveFeed } from "@/lib/feeds/serve-feed";
import { routes } from "@/lib/routes";
import { site } from "@/lib/site";

/** Every public story on the site, as Atom 1.0. */
export async function GET(request: Request): Promise<Response> {
  return serveFeed(request, {
    format: "atom",
    channel: siteChannel(site, routes.siteFeeds.atom),
    scope: { kind: "site" },
    madeOf: readerTags.feeds,
  });
}
