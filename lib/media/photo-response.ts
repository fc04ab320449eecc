import "server-only";
import { getPhotoFile, type PhotoAudience, type PhotoFile } from "@/db/queries/media";
import { photoFileHeaders } from "@/lib/media/photo-file-headers";
import { PHOTO_WIDTHS } from "@/lib/media/responsive-sizes";
import { isPhotoId } from "@/lib/mdx/photo-references";

// A photo's bytes never change, so every cache may keep a published one for a year without asking
// again; one only staff may see must never sit in a shared cache.
const CACHE_CONTROL: Record<PhotoAudience, string> = {
  public: "public, max-age=31536000, immutable",
  staff: "private, no-store",
};

// One address per file, so caches never hold two copies: "0640" and upper-case ids are not found.
const isCanonicalPhotoId = (id: string) => isPhotoId(id) && id === id.toLowerCase();

/** The width in /media/{id}/{width}, if it is one we publish, written as we write it. */
export function publishedWidth(segment: string): number | null {
  return PHOTO_WIDTHS.find((width) => String(width) === segment) ?? null;
}

export function photoNotFound(): Response {
  return new Response("No such photo.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** If-None-Match compares weakly: W/"x" matches "x", and * matches anything. */
function alreadyHeld(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

/** What a 304 must repeat, and a 200 carries too. */
function cachingHeaders(file: PhotoFile & { audience: PhotoAudience }): Record<string, string> {
  // The bytes were checked to be a photo at upload; never let a browser guess otherwise.
  return { "Cache-Control": CACHE_CONTROL[file.audience], ETag: file.etag, "X-Content-Type-Options": "nosniff" };
}

/** The original (no width) or one published width of a library photo, with headers for browsers and CDNs. */
export async function photoResponse(request: Request, id: string, width?: number): Promise<Response> {
  if (!isCanonicalPhotoId(id)) return photoNotFound();
  const file = await getPhotoFile({ id, width });
  if (!file) return photoNotFound();
  if (alreadyHeld(request.headers.get("If-None-Match"), file.etag)) {
    return new Response(null, { status: 304, headers: cachingHeaders(file) });
  }
  // Response takes only bytes over a plain ArrayBuffer; the drivers promise no more than "a buffer".
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      ...cachingHeaders(file),
      ...photoFileHeaders(id, file.mimeType),
      "Content-Length": String(file.bytes.byteLength),
    },
  });
}
