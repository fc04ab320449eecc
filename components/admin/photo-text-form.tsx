"use client";

import { useActionState, useState } from "react";
import { updatePhotoTextAction } from "@/app/admin/(newsroom)/photos/actions";
import type { PhotoSummary } from "@/db/queries/media";
import { idle, type ActionResult, type FormState } from "@/lib/actions/result";
import type { PHOTO_TEXT_LIMITS } from "@/lib/editor/form-limits";
import { FormField, inputClass } from "./form-field";
import { FormMessage } from "./form-message";

type Props = {
  photo: Pick<PhotoSummary, "id" | "altText" | "caption" | "credit">;
  limits: typeof PHOTO_TEXT_LIMITS;
  /** Names the photo to screen readers, whose list of buttons would otherwise be a column of "Save". */
  name: string;
};

function describedBy(id: string, errors: string[] | undefined): string {
  return errors?.length ? `${id}-hint ${id}-error` : `${id}-hint`;
}

/**
 * Alt text, caption and credit for one library photo. The fields keep what was
 * typed across a refused save, so nothing has to be written twice.
 */
export function PhotoTextForm({ photo, limits, name }: Props) {
  const [state, formAction, pending] = useActionState<FormState<ActionResult>, FormData>(updatePhotoTextAction, idle);
  const [altText, setAltText] = useState(photo.altText);
  const [caption, setCaption] = useState(photo.caption);
  const [credit, setCredit] = useState(photo.credit ?? "");
  const errors = state.status === "invalid" ? (state.fieldErrors ?? {}) : {};
  const field = (label: string) => `${label}-${photo.id}`;

  return (
    <form action={formAction} className="space-y-3" aria-label={`Text for ${name}`}>
      <input type="hidden" name="id" value={photo.id} />
      <FormField
        id={field("alt")}
        label="Alt text"
        hint="What the photo shows, for readers who cannot see it."
        errors={errors.altText}
      >
        <textarea
          id={field("alt")}
          name="altText"
          rows={2}
          maxLength={limits.altText}
          value={altText}
          onChange={(event) => setAltText(event.target.value)}
          aria-describedby={describedBy(field("alt"), errors.altText)}
          className={inputClass}
        />
      </FormField>
      <FormField
        id={field("caption")}
        label="Caption"
        hint="Printed under the photo in the story."
        errors={errors.caption}
      >
        <textarea
          id={field("caption")}
          name="caption"
          rows={3}
          maxLength={limits.caption}
          value={caption}
          onChange={(event) => setCaption(event.target.value)}
          aria-describedby={describedBy(field("caption"), errors.caption)}
          className={inputClass}
        />
      </FormField>
      <FormField
        id={field("credit")}
        label="Credit"
        hint="The photographer or agency, if not staff."
        errors={errors.credit}
      >
        <input
          id={field("credit")}
          name="credit"
          maxLength={limits.credit}
          value={credit}
          onChange={(event) => setCredit(event.target.value)}
          aria-describedby={describedBy(field("credit"), errors.credit)}
          className={inputClass}
        />
      </FormField>
      <FormMessage state={state} testId={`photo-text-status-${photo.id}`} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-sm border border-stone-500 px-3 py-1 text-sm font-semibold disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save photo text"}
        <span className="sr-only"> for {name}</span>
      </button>
    </form>
  );
}
