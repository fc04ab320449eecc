"use client";

import { useRouter } from "next/navigation";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { PHOTO_UPLOAD_ENDPOINT, sendPhoto, type SentPhoto } from "@/lib/media/send-photo";
import { tooLargeMessage } from "@/lib/media/upload-limit";
import { FormField, inputClass } from "./form-field";

const ACCEPTED_TYPES = "image/jpeg,image/png,image/webp";
const OK_COLOURS = "bg-emerald-100 text-emerald-950";
const PROBLEM_COLOURS = "bg-red-100 text-red-950";
const UPLOAD_BUTTON =
  "rounded-sm bg-stone-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60 " +
  "dark:bg-stone-100 dark:text-stone-900";

function UploadStatus({ notice }: { notice: SentPhoto | null }) {
  if (!notice) return null;
  return (
    <div
      role="status"
      data-testid="photo-upload-status"
      className={`rounded-sm px-3 py-2 text-sm ${notice.status === "uploaded" ? OK_COLOURS : PROBLEM_COLOURS}`}
    >
      <p>{notice.message}</p>
      {notice.status === "uploaded" ? (
        <a href={`#photo-${notice.photoId}`} className="font-semibold underline">
          Go to the photo
        </a>
      ) : null}
    </div>
  );
}

/**
 * Posts to POST /api/photos: as a plain form without JavaScript (the server sends the browser back
 * here with `notice`), with it through XMLHttpRequest, showing how much has been sent.
 * `maxBytes` is the server's limit: a file over it is refused here, before minutes spent sending it.
 */
export function PhotoUploadForm({
  maxBytes,
  notice: noticeFromServer,
}: {
  maxBytes: number;
  notice: SentPhoto | null;
}) {
  const router = useRouter();
  const [notice, setNotice] = useState<SentPhoto | null>(noticeFromServer);
  const [sizeProblem, setSizeProblem] = useState<string | null>(null);
  // Null while nothing is being sent; NaN while sending when the browser cannot tell how much has gone.
  const [shareSent, setShareSent] = useState<number | null>(null);
  const sending = shareSent !== null;

  function checkSize(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setSizeProblem(file ? tooLargeMessage(file.size, maxBytes) : null);
  }

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setNotice(null);
    setShareSent(0);
    const sent = await sendPhoto(new FormData(form), (share) => setShareSent(share ?? Number.NaN));
    setShareSent(null);
    setNotice(sent);
    if (sent.status === "uploaded") {
      form.reset();
      router.refresh();
    }
  }

  const percent = shareSent !== null && !Number.isNaN(shareSent) ? Math.round(shareSent * 100) : null;

  return (
    <form
      method="post"
      action={PHOTO_UPLOAD_ENDPOINT}
      encType="multipart/form-data"
      onSubmit={upload}
      className="space-y-3"
      aria-label="Upload a photo"
    >
      <FormField
        id="photo-file"
        label="Photo file"
        hint="JPEG, PNG or WebP. The camera and date are read from the file; GPS and location details are removed."
        errors={sizeProblem ? [sizeProblem] : undefined}
      >
        <input
          id="photo-file"
          name="photo"
          type="file"
          accept={ACCEPTED_TYPES}
          required
          onChange={checkSize}
          aria-describedby={sizeProblem ? "photo-file-hint photo-file-error" : "photo-file-hint"}
          aria-invalid={sizeProblem ? true : undefined}
          className={inputClass}
        />
      </FormField>
      {sending ? (
        <label className="flex flex-col gap-1 text-sm">
          {percent === null
            ? "Sending the photo…"
            : percent < 100
              ? `Sending the photo: ${percent}%`
              : "Sent; the server is preparing the photo…"}
          <progress max={100} value={percent ?? undefined} className="w-full" />
        </label>
      ) : null}
      <UploadStatus notice={notice} />
      <button type="submit" disabled={sending || sizeProblem !== null} className={UPLOAD_BUTTON}>
        {sending ? "Uploading…" : "Upload photo"}
      </button>
    </form>
  );
}
