import { siteChannel } from "@/lib/feeds/build-feeds";
import { serveFeed } from "@/lib/feeds/serve-feed";
import { site } from "@/lib/site";

/** Every public story on the site, as Atom 1.0. */
export async function GET(request: Request): Promise<Response> {
  return serveFeed(request, { format: "atom", channel: siteChannel(site, "/atom.xml"), scope: { kind: "site" } });
}
