"use client";

import { useActionState, useState, type ChangeEvent } from "react";
import { uploadPhotoAction, type PhotoUploadState } from "@/app/admin/(newsroom)/photos/actions";
import { tooLargeMessage } from "@/app/admin/(newsroom)/photos/upload-limit";
import { FormField, inputClass } from "./form-field";

const ACCEPTED_TYPES = "image/jpeg,image/png,image/webp";

function UploadStatus({ state }: { state: PhotoUploadState }) {
  if (state.status === "idle") return null;
  return (
    <div role="status" data-testid="photo-upload-status" className={`rounded-sm px-3 py-2 text-sm ${state.status === "uploaded" ? "bg-emerald-100 text-emerald-950" : "bg-red-100 text-red-950"}`}>
      <p>{state.message}</p>
      {state.status === "uploaded" ? (
        <a href={`#photo-${state.photoId}`} className="font-semibold underline">
          Go to the photo
        </a>
      ) : null}
    </div>
  );
}

/** `maxBytes` is the server's limit: a file over it is refused here, before minutes spent sending it. */
export function PhotoUploadForm({ maxBytes }: { maxBytes: number }) {
  const [state, formAction, pending] = useActionState<PhotoUploadState, FormData>(uploadPhotoAction, { status: "idle" });
  const [sizeProblem, setSizeProblem] = useState<string | null>(null);

  function checkSize(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setSizeProblem(file ? tooLargeMessage(file.size, maxBytes) : null);
  }

  return (
    <form action={formAction} className="space-y-3" aria-label="Upload a photo">
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
      <UploadStatus state={state} />
      <button type="submit" disabled={pending || sizeProblem !== null} className="rounded-sm bg-stone-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60 dark:bg-stone-100 dark:text-stone-900">
        {pending ? "Uploading…" : "Upload photo"}
      </button>
    </form>
  );
}
