import { serveCorrectionsFeed } from "@/lib/feeds/serve-feed";

/** Every correction and clarification, newest first, as RSS 2.0. */
export async function GET(request: Request): Promise<Response> {
  return serveCorrectionsFeed(request);
}
