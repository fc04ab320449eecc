import { siteChannel } from "@/lib/feeds/build-feeds";
import { serveFeed } from "@/lib/feeds/serve-feed";
import { site } from "@/lib/site";

/** Every public story on the site, as JSON Feed 1.1. */
export async function GET(request: Request): Promise<Response> {
  return serveFeed(request, { format: "json", channel: siteChannel(site, "/feed.json"), scope: { kind: "site" } });
}
