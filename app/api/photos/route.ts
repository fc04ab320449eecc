import { uploadPhoto, type PhotoSummary } from "@/db/queries/media";
import { isCrossSiteRequest } from "@/lib/auth/request-origin";
import { problem, problemFor } from "@/lib/actions/http";
import { NotAuthorizedError, requireStaff } from "@/lib/auth/staff";
import { readCappedForm } from "@/lib/media/capped-form";
import { MAX_PHOTO_BYTES } from "@/lib/media/inspect-photo";
import { tooLargeMessage } from "@/lib/media/upload-limit";
import { uploadNoticeMessage, uploadNoticeQuery, type UploadNotice } from "@/app/admin/(newsroom)/photos/upload-notice";
import { photoUrl } from "@/lib/media/photo-url";

const LIBRARY_PATH = "/admin/photos";
// The largest photo plus its part's headers and the form's boundaries. nginx lets 26 MB through here.
const MAX_REQUEST_BYTES = MAX_PHOTO_BYTES + 64 * 1024;

const NO_STORE = { "Cache-Control": "no-store" };

const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { Location: location, ...NO_STORE } });

/** A form posted by a browser without JavaScript: it is sent back to the library to read the outcome there. */
const wantsPage = (request: Request) => request.headers.get("accept")?.includes("text/html") ?? false;

type Outcome =
  | { status: 200 | 201; notice: UploadNotice & { photoId: string }; photo: PhotoSummary }
  | { status: 400 | 413 | 422; notice: UploadNotice; detail: string };

function answer(request: Request, outcome: Outcome): Response {
  if (wantsPage(request)) return seeOther(`${LIBRARY_PATH}?${uploadNoticeQuery(outcome.notice)}`);
  if ("detail" in outcome) return problem(outcome.status, outcome.detail);
  const message = uploadNoticeMessage(outcome.notice, MAX_PHOTO_BYTES);
  const alreadyInLibrary = outcome.notice.kind === "already-in-library";
  const headers = new Headers(NO_STORE);
  if (!alreadyInLibrary) headers.set("Location", photoUrl(outcome.photo.id));
  return Response.json({ photo: outcome.photo, alreadyInLibrary, message }, { status: outcome.status, headers });
}

const tooLarge = (byteCount: number): Outcome => ({
  status: 413,
  notice: { kind: "too-large", byteCount },
  detail: tooLargeMessage(byteCount, MAX_PHOTO_BYTES) ?? "This file is too large to upload.",
});

async function receive(request: Request): Promise<Outcome> {
  const body = await readCappedForm(request, MAX_REQUEST_BYTES);
  if (body.status === "too-large") return tooLarge(body.byteCount);
  if (body.status === "unreadable")
    return { status: 400, notice: { kind: "unreadable" }, detail: "The upload arrived incomplete. Try again." };
  const file = body.form.get("photo");
  if (!(file instanceof File) || file.size === 0)
    return { status: 422, notice: { kind: "no-file" }, detail: "Choose a photo to upload." };
  if (file.size > MAX_PHOTO_BYTES) return tooLarge(file.size);
  const result = await uploadPhoto({ bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name });
  if (result.status === "rejected") return { status: 422, notice: { kind: "refused" }, detail: result.message };
  return result.alreadyInLibrary
    ? { status: 200, notice: { kind: "already-in-library", photoId: result.photo.id }, photo: result.photo }
    : { status: 201, notice: { kind: "uploaded", photoId: result.photo.id }, photo: result.photo };
}

/**
 * Adds a photo to the library: a multipart/form-data body with the file in `photo`. Answers JSON
 * (201 with the photo, 200 when it was already in the library, or `{ status, detail }`), or, to a
 * form posted without JavaScript, a 303 back to the library with the outcome in the query.
 */
export async function POST(request: Request) {
  if (isCrossSiteRequest(request)) return problem(403, "Cross-site requests are refused.");
  try {
    // Before a byte of the body is read: nobody without a session makes the server take in 25 MB.
    await requireStaff();
    if (!request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data")) {
      return problem(415, "Send the photo as multipart/form-data, in a field named photo.");
    }
    return answer(request, await receive(request));
  } catch (error) {
    // A browser form is sent to sign in, then back to the library; anything else gets the status.
    if (error instanceof NotAuthorizedError && error.reason === "signed-out" && wantsPage(request))
      return seeOther(`/login?${new URLSearchParams({ callbackUrl: LIBRARY_PATH })}`);
    return problemFor(error);
  }
}
