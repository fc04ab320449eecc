"use client";

import { useActionState, useState } from "react";
import { markPhotoGraphicAction } from "@/app/admin/(newsroom)/photos/actions";
import type { PhotoSummary } from "@/db/queries/media";
import { idle, type ActionResult, type FormState } from "@/lib/actions/result";
import { PHOTO_TEXT_LIMITS } from "@/lib/editor/form-limits";
import { FormField, inputClass } from "./form-field";
import { FormMessage } from "./form-message";

type Props = {
  photo: Pick<PhotoSummary, "id" | "graphicWarning">;
  /** Names the photo to screen readers, as the text form's button does. */
  name: string;
};

/**
 * For editors: marks a photo graphic with the warning readers see over it, or takes the mark off.
 * The fields are held in the component, so what was typed stays across a refused save.
 */
export function PhotoGraphicForm({ photo, name }: Props) {
  const [state, formAction, pending] = useActionState<FormState<ActionResult>, FormData>(markPhotoGraphicAction, idle);
  const [graphic, setGraphic] = useState(photo.graphicWarning !== null);
  const [warning, setWarning] = useState(photo.graphicWarning ?? "");
  const errors = state.status === "invalid" ? (state.fieldErrors ?? {}) : {};
  const field = (label: string) => `${label}-${photo.id}`;

  return (
    <form
      action={formAction}
      className="space-y-2 border-t border-stone-200 pt-3 dark:border-stone-800"
      aria-label={`Graphic warning for ${name}`}
    >
      <input type="hidden" name="id" value={photo.id} />
      <label className="flex items-start gap-2 text-sm font-semibold">
        <input
          type="checkbox"
          name="graphic"
          checked={graphic}
          onChange={(event) => setGraphic(event.target.checked)}
          className="mt-1"
        />
        Graphic: readers see a warning first and choose to look
      </label>
      {graphic ? (
        <FormField
          id={field("graphic-warning")}
          label="Warning"
          hint="What the photo shows, e.g. “This image shows the bodies of soldiers”."
          errors={errors.graphicWarning}
        >
          <input
            id={field("graphic-warning")}
            name="graphicWarning"
            maxLength={PHOTO_TEXT_LIMITS.graphicWarning}
            value={warning}
            onChange={(event) => setWarning(event.target.value)}
            aria-describedby={`${field("graphic-warning")}-hint`}
            className={inputClass}
          />
        </FormField>
      ) : null}
      <FormMessage state={state} testId={`photo-graphic-status-${photo.id}`} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-sm border border-stone-500 px-3 py-1 text-sm font-semibold disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save graphic warning"}
        <span className="sr-only"> for {name}</span>
      </button>
    </form>
  );
}
