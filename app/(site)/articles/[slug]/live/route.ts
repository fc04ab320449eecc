import { z } from "zod";
import { findLiveUpdatesSince } from "@/db/queries/live-entries";
import { readerTags } from "@/lib/cache-tags";
import { LIVE_POLL_CACHE_SECONDS } from "@/lib/live-coverage";
import { cachedForReaders } from "@/lib/reader-cache";
import { isSlug } from "@/lib/slugs";

type Context = { params: Promise<{ slug: string }> };

// Every reader of the story asks the same question each poll: one answer per post, not per reader.
const liveUpdatesSince = cachedForReaders("live-poll", findLiveUpdatesSince, ({ slug }) => [
  readerTags.articleAddress(slug),
]);

// A few seconds at every layer: nginx and a CDN absorb the polling, and a new entry shows within one poll.
const POLL_CACHE_CONTROL =
  `public, max-age=${LIVE_POLL_CACHE_SECONDS}, s-maxage=${LIVE_POLL_CACHE_SECONDS}, ` + "stale-while-revalidate=30";

const afterSchema = z.uuid().nullable().catch(null);

/** How many entries a reader's open live page lacks, for its "N new updates": cached a few seconds at every layer. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  const after = afterSchema.parse(new URL(request.url).searchParams.get("after"));
  const updates = isSlug(slug) ? await liveUpdatesSince({ slug, after }) : null;
  if (!updates) return Response.json({ detail: "No live story at this address." }, { status: 404 });
  return Response.json(updates, { headers: { "Cache-Control": POLL_CACHE_CONTROL } });
}
