import { siteChannel } from "@/lib/feeds/build-feeds";
import { serveFeed } from "@/lib/feeds/serve-feed";
import { site } from "@/lib/site";

/** Every public story on the site, as RSS 2.0. */
export async function GET(request: Request): Promise<Response> {
  return serveFeed(request, { format: "rss", channel: siteChannel(site, "/rss.xml"), scope: { kind: "site" } });
}
