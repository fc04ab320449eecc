import { feedNotFound } from "@/lib/feeds/feed-response";
import { serveLiveFeed } from "@/lib/feeds/serve-feed";
import { isSlug } from "@/lib/slugs";

type Context = { params: Promise<{ slug: string }> };

/** One live story's entries as RSS 2.0, newest first, for readers and partners following one event. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  const response = isSlug(slug) ? await serveLiveFeed(request, slug) : null;
  return response ?? feedNotFound("No live story at this address.");
}
