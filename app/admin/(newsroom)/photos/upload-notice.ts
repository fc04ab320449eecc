import { z } from "zod";
import { tooLargeMessage } from "@/lib/media/upload-limit";

/**
 * What an upload posted without JavaScript comes back to the library with, in its query. Only
 * kinds and numbers travel in the address, never words: a link to the library cannot put text of
 * its sender's choosing in front of the newsroom.
 */
export type UploadNotice =
  | { kind: "uploaded" | "already-in-library"; photoId: string }
  | { kind: "too-large"; byteCount: number }
  | { kind: "no-file" | "unreadable" | "refused" };

const noticeSchema = z.discriminatedUnion("upload", [
  z.object({ upload: z.enum(["uploaded", "already-in-library"]), photo: z.uuid() }),
  z.object({ upload: z.literal("too-large"), size: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  z.object({ upload: z.enum(["no-file", "unreadable", "refused"]) }),
]);

export function uploadNoticeQuery(notice: UploadNotice): string {
  const params = new URLSearchParams({ upload: notice.kind });
  if ("photoId" in notice) params.set("photo", notice.photoId);
  if ("byteCount" in notice) params.set("size", String(notice.byteCount));
  return params.toString();
}

/** The notice in the library's query, or null when there is none or it was not one of ours. */
export function readUploadNotice(query: Record<string, string | undefined>): UploadNotice | null {
  const parsed = noticeSchema.safeParse(query);
  if (!parsed.success) return null;
  const notice = parsed.data;
  switch (notice.upload) {
    case "uploaded":
    case "already-in-library":
      return { kind: notice.upload, photoId: notice.photo };
    case "too-large":
      return { kind: "too-large", byteCount: notice.size };
    default:
      return { kind: notice.upload };
  }
}

export function uploadNoticeMessage(notice: UploadNotice, maxBytes: number): string {
  switch (notice.kind) {
    case "uploaded":
      return (
        "Photo uploaded, with its location removed. " +
        "Write its alt text and caption below before it goes into a story."
      );
    case "already-in-library":
      return "This photo is already in the library, so it was not added a second time.";
    case "too-large":
      return tooLargeMessage(notice.byteCount, maxBytes) ?? "This file is too large to upload.";
    case "no-file":
      return "Choose a photo to upload.";
    case "unreadable":
      return "The upload arrived incomplete. Try again.";
    case "refused":
      return (
        "This file could not be added to the library: upload a JPEG, PNG or WebP photo that is not an animation. " +
        "With JavaScript on, this page says exactly why."
      );
  }
}

export const uploadSucceeded = (notice: UploadNotice) =>
  notice.kind === "uploaded" || notice.kind === "already-in-library";
