"use client";

import { useCallback, useState } from "react";
import { sendPhoto, type SentPhotoWithDetails } from "@/lib/media/send-photo";
import { tooLargeMessage } from "@/lib/media/upload-limit";
import type { FigurePhoto } from "./figure-props";

/** One file on its way into the library from the story or the lead-photo slot. */
export type PhotoUpload = { name: string; share: number | null; sent: SentPhotoWithDetails | null };

const OK_COLOURS = "bg-emerald-100 text-emerald-950";
const PROBLEM_COLOURS = "bg-red-100 text-red-950";

/**
 * Sends photo files to the library one after another, with progress for each, and answers the
 * photos that arrived. Refusals stay on the list with their reason until the next upload.
 */
export function usePhotoUploads(maxBytes: number) {
  const [uploads, setUploads] = useState<PhotoUpload[]>([]);
  const upload = useCallback(
    async (files: File[]): Promise<FigurePhoto[]> => {
      const start = files.map((file) => ({ name: file.name, share: 0, sent: null }));
      setUploads(start);
      const arrived: FigurePhoto[] = [];
      for (const [index, file] of files.entries()) {
        const update = (change: Partial<PhotoUpload>) =>
          setUploads((list) => list.map((item, at) => (at === index ? { ...item, ...change } : item)));
        const tooLarge = tooLargeMessage(file.size, maxBytes);
        if (tooLarge) {
          update({ sent: { status: "refused", message: tooLarge } });
          continue;
        }
        const form = new FormData();
        form.set("photo", file);
        const sent = await sendPhoto(form, (share) => update({ share }));
        update({ sent });
        if (sent.status === "uploaded") arrived.push(sent.photo);
      }
      return arrived;
    },
    [maxBytes],
  );
  return { uploads, upload };
}

const colours = (sent: SentPhotoWithDetails) => (sent.status === "uploaded" ? OK_COLOURS : PROBLEM_COLOURS);

function progressText(upload: PhotoUpload): string {
  if (upload.sent) return `${upload.sent.status === "uploaded" ? "Uploaded" : "Refused"}: ${upload.sent.message}`;
  if (upload.share === null) return "Sending…";
  const percent = Math.round(upload.share * 100);
  return percent < 100 ? `Sending: ${percent}%` : "Sent; the server is preparing the photo…";
}

export function PhotoUploadList({ uploads, label }: { uploads: PhotoUpload[]; label: string }) {
  if (uploads.length === 0) return null;
  return (
    <ol aria-label={label} className="mt-2 space-y-1 text-sm" data-testid="story-photo-uploads">
      {uploads.map((upload, index) => (
        <li key={index} className={`rounded-sm px-2 py-1 ${upload.sent ? colours(upload.sent) : ""}`}>
          <span className="font-semibold break-all">{upload.name}</span>:{" "}
          <span role="status">{progressText(upload)}</span>
          {upload.sent ? null : (
            <progress
              aria-label={`${upload.name} sent`}
              max={100}
              value={upload.share === null ? undefined : Math.round(upload.share * 100)}
              className="ml-2 align-middle"
            />
          )}
        </li>
      ))}
    </ol>
  );
}
