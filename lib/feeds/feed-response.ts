import { createHash } from "node:crypto";

const FEED_CONTENT_TYPES = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
} as const;

export type FeedFormat = keyof typeof FEED_CONTENT_TYPES;

// Feed readers poll every few minutes: a CDN answers most of them, and a stale copy
// is better than an error while the database is briefly away.
const FEED_CACHE_CONTROL = "public, max-age=60, s-maxage=60, stale-while-revalidate=600";

/** A feed as built once per change: its UTF-8 bytes, their strong ETag (feedEntityTag) and its date. */
type FeedDocument = { format: FeedFormat; body: Uint8Array<ArrayBuffer>; etag: string; lastModified: Date };

/** A strong validator: the same bytes always give the same tag, on every app server. */
export function feedEntityTag(body: Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/** If-None-Match compares weakly: W/"x" matches "x", and * matches anything. */
function matchesEntityTag(ifNoneMatch: string, etag: string): boolean {
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

// HTTP dates count whole seconds: a Last-Modified of 12:00:00.750 was sent as 12:00:00.
const wholeSeconds = (time: number) => Math.floor(time / 1000);

function unchangedSince(ifModifiedSince: string, lastModified: Date): boolean {
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && wholeSeconds(lastModified.getTime()) <= wholeSeconds(since);
}

/** RFC 9110: when both are sent, If-None-Match decides and If-Modified-Since is ignored. */
function readerHasCurrentCopy(request: Request, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch !== null) return matchesEntityTag(ifNoneMatch, etag);
  const ifModifiedSince = request.headers.get("If-Modified-Since");
  return ifModifiedSince !== null && unchangedSince(ifModifiedSince, lastModified);
}

/**
 * A feed with the validators readers poll with, or 304 with no body when their copy is current.
 * The ETag comes with the document, hashed once when it was built, not on every poll. (The body
 * leaves uncompressed: Next drops a route handler's Content-Encoding and gzips every answer itself.)
 */
export function feedResponse(request: Request, feed: FeedDocument): Response {
  const validators = {
    "Cache-Control": FEED_CACHE_CONTROL,
    ETag: feed.etag,
    "Last-Modified": feed.lastModified.toUTCString(),
  };
  if (readerHasCurrentCopy(request, feed.etag, feed.lastModified)) {
    return new Response(null, { status: 304, headers: validators });
  }
  return new Response(feed.body, {
    status: 200,
    headers: { ...validators, "Content-Type": FEED_CONTENT_TYPES[feed.format], "X-Content-Type-Options": "nosniff" },
  });
}

/** An unknown section or tag: a short answer a person reading a reader's error log can act on. */
export function feedNotFound(message: string): Response {
  return new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
