"use server";

import {
  fillMissingPhotoText,
  listPhotos,
  setPhotoGraphicWarning,
  updatePhotoText,
  type PhotoLibraryPage,
  type PhotoTextField,
} from "@/db/queries/media";
import type { ActionResult } from "@/lib/actions/result";
import { staffAction, type Outcome } from "@/lib/actions/staff-action";
import { photoFromStorySchema, type PhotoFromStoryInput } from "@/lib/editor/photo-from-story-form";
import { photoGraphicSchema } from "@/lib/editor/photo-graphic-form";
import { photoTextSchema } from "@/lib/editor/photo-text-form";
import { photoSearchSchema } from "./photo-search";

export const updatePhotoTextAction = staffAction({
  role: "writer",
  schema: photoTextSchema,
  invalidMessage: "Some fields need attention.",
  run: async (input): Promise<Outcome> => {
    const photo = await updatePhotoText(input);
    if (!photo) return { status: "not-found", message: "This photo is no longer in the library." };
    const message = photo.readyForPublication
      ? "Saved. This photo can appear in a published story."
      : "Saved. It still needs alt text and a caption before it can appear in a published story.";
    return { status: "ok", message, expired: photo.expired, refresh: "/admin/photos" };
  },
});

/** An editor marks a photo graphic, with the warning readers see first, or takes the mark off. */
export const markPhotoGraphicAction = staffAction({
  role: "editor",
  schema: photoGraphicSchema,
  invalidMessage: "The warning needs attention.",
  run: async (input): Promise<Outcome> => {
    const photo = await setPhotoGraphicWarning(input);
    if (!photo) return { status: "not-found", message: "This photo is no longer in the library." };
    const message = photo.graphicWarning
      ? "Marked graphic. Readers see the warning and choose to look; feeds and social cards never show it."
      : "No longer marked graphic. Readers see the photo as it is.";
    return { status: "ok", message, expired: photo.expired, refresh: "/admin/photos" };
  },
});

/** The photo picker's search: one page of the library, for any signed-in staff member. */
export const findPhotosAction = staffAction({
  role: "writer",
  schema: photoSearchSchema,
  run: async ({ q, page }): Promise<Outcome<PhotoLibraryPage>> => ({
    status: "ok",
    message: "",
    ...(await listPhotos({ query: q, page })),
  }),
});

const FIELD_NAMES: Record<PhotoTextField, string> = { caption: "caption", altText: "alt text" };

function filledFromStory(filled: PhotoTextField[]): string {
  if (filled.length === 0) return "";
  const names = filled.map((field) => FIELD_NAMES[field]).join(" and ");
  return `The library's ${names} ${filled.length > 1 ? "were" : "was"} filled from the story.`;
}

const describeFromStory = staffAction({
  role: "writer",
  schema: photoFromStorySchema,
  run: async (input): Promise<Outcome<{ filled: PhotoTextField[] }>> => {
    const result = await fillMissingPhotoText(input);
    if (!result) return { status: "not-found", message: "This photo is no longer in the library." };
    return { status: "ok", message: filledFromStory(result.filled), filled: result.filled, expired: result.expired };
  },
});

/**
 * The story editor's caption and alt text for a photo it shows, offered to the library, which
 * takes only what it has none of. Called from the browser with a plain object, which the kit reads
 * as the form it expects; whatever arrives that is not text is left out, and the schema turns it back.
 */
export async function describePhotoFromStoryAction(
  text: PhotoFromStoryInput,
): Promise<ActionResult<{ filled: PhotoTextField[] }>> {
  const sent: Partial<Record<string, unknown>> = typeof text === "object" && text !== null ? text : {};
  const form = new FormData();
  for (const field of ["id", "caption", "altText"]) {
    const value = sent[field];
    if (typeof value === "string") form.set(field, value);
  }
  return describeFromStory(undefined, form);
}
