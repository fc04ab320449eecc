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
const FILE_HINT =
  "JPEG, PNG or WebP; choose several to upload them one after another. " +
  "The camera and date are read from each file; GPS and location details are removed.";

/**
 * One chosen file: waiting its turn, then being sent (`share` from 0 to 1, null when the browser
 * cannot tell how much has gone), then its outcome.
 */
type Upload = { name: string; sending: boolean; share: number | null; sent: SentPhoto | null };

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

function sendingText(share: number | null): string {
  if (share === null) return "Sending…";
  const percent = Math.round(share * 100);
  return percent < 100 ? `Sending: ${percent}%` : "Sent; the server is preparing the photo…";
}

function UploadProgress({ upload }: { upload: Upload }) {
  if (upload.sent) {
    const uploaded = upload.sent.status === "uploaded";
    return (
      <div className={`rounded-sm px-2 py-1 ${uploaded ? OK_COLOURS : PROBLEM_COLOURS}`}>
        <p>
          {uploaded ? "Uploaded: " : "Refused: "}
          {upload.sent.message}
        </p>
        {upload.sent.status === "uploaded" ? (
          <a href={`#photo-${upload.sent.photoId}`} className="font-semibold underline">
            Go to the photo
          </a>
        ) : null}
      </div>
    );
  }
  if (!upload.sending) return <p>Waiting its turn.</p>;
  return (
    <label className="flex flex-col gap-1">
      {sendingText(upload.share)}
      <progress
        max={100}
        value={upload.share === null ? undefined : Math.round(upload.share * 100)}
        className="w-full"
      />
    </label>
  );
}

function summary(uploads: Upload[], sending: boolean): string {
  if (sending) {
    const current = uploads.findIndex((upload) => upload.sent === null);
    return `Uploading ${current + 1} of ${uploads.length}: ${uploads[current]?.name ?? ""}`;
  }
  const uploaded = uploads.filter((upload) => upload.sent?.status === "uploaded").length;
  const refused = uploads.length - uploaded;
  const refusedText = refused > 0 ? `; ${refused} refused, each with the reason below` : "";
  return `${uploaded} of ${uploads.length} ${uploads.length === 1 ? "photo" : "photos"} uploaded${refusedText}.`;
}

function UploadList({ uploads, sending }: { uploads: Upload[]; sending: boolean }) {
  if (uploads.length === 0) return null;
  return (
    <div className="space-y-2 text-sm">
      <p role="status" className="font-semibold">
        {summary(uploads, sending)}
      </p>
      <ol aria-label="Uploads" className="space-y-2">
        {uploads.map((upload, index) => (
          <li key={index} className="space-y-1 rounded-sm border border-stone-300 p-2 dark:border-stone-700">
            <p className="font-semibold break-all">{upload.name}</p>
            <UploadProgress upload={upload} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function refusedForSize(file: File, maxBytes: number): SentPhoto | null {
  const problem = tooLargeMessage(file.size, maxBytes);
  return problem ? { status: "refused", message: problem } : null;
}

/** Why each chosen file is too large to send, naming the file when there are several. */
function sizeProblems(files: File[], maxBytes: number): string[] {
  return files.flatMap((file) => {
    const problem = tooLargeMessage(file.size, maxBytes);
    if (!problem) return [];
    return [files.length > 1 ? `${file.name}: ${problem}` : problem];
  });
}

/**
 * Posts to POST /api/photos, one request per file: as a plain form without JavaScript (the server
 * takes the first file and sends the browser back here with `notice`), with it through
 * XMLHttpRequest, one file after another, showing how much of each has been sent and what became
 * of it. `maxBytes` is the server's limit: a file over it is refused here, before minutes spent
 * sending it.
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
  const [chosen, setChosen] = useState<File[]>([]);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [sending, setSending] = useState(false);
  const problems = sizeProblems(chosen, maxBytes);
  const nothingToSend = chosen.length > 0 && problems.length === chosen.length;

  function choose(event: ChangeEvent<HTMLInputElement>) {
    setChosen([...(event.currentTarget.files ?? [])]);
  }

  const update = (index: number, change: Partial<Upload>) =>
    setUploads((all) => all.map((upload, at) => (at === index ? { ...upload, ...change } : upload)));

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const files = chosen;
    setNotice(null);
    setSending(true);
    // A file over the limit is refused here, in the server's words, and never sent.
    const outcomes = files.map((file) => refusedForSize(file, maxBytes));
    setUploads(
      files.map((file, index) => ({ name: file.name, sending: false, share: null, sent: outcomes[index] ?? null })),
    );
    let anyUploaded = false;
    for (const [index, file] of files.entries()) {
      if (outcomes[index]) continue;
      update(index, { sending: true, share: 0 });
      const body = new FormData();
      body.set("photo", file);
      const sent = await sendPhoto(body, (share) => update(index, { share }));
      update(index, { sending: false, sent });
      anyUploaded ||= sent.status === "uploaded";
    }
    setSending(false);
    if (anyUploaded) {
      form.reset();
      setChosen([]);
      router.refresh();
    }
  }

  const several = chosen.length > 1;

  return (
    <form
      method="post"
      action={PHOTO_UPLOAD_ENDPOINT}
      encType="multipart/form-data"
      onSubmit={upload}
      className="space-y-3"
      aria-label="Upload photos"
    >
      <FormField
        id="photo-file"
        label="Photo file"
        hint={FILE_HINT}
        errors={problems.length > 0 ? problems : undefined}
      >
        <input
          id="photo-file"
          name="photo"
          type="file"
          accept={ACCEPTED_TYPES}
          multiple
          required
          onChange={choose}
          aria-describedby={problems.length > 0 ? "photo-file-hint photo-file-error" : "photo-file-hint"}
          aria-invalid={problems.length > 0 ? true : undefined}
          className={inputClass}
        />
      </FormField>
      <UploadList uploads={uploads} sending={sending} />
      <UploadStatus notice={notice} />
      <button type="submit" disabled={sending || nothingToSend} className={UPLOAD_BUTTON}>
        {sending ? "Uploading…" : several ? `Upload ${chosen.length} photos` : "Upload photo"}
      </button>
    </form>
  );
}
