import { z } from "zod";
import { PHOTO_TEXT_LIMITS } from "./form-limits";
import { staffText } from "./staff-text";

const photoTextField = (max: number, label: string) =>
  staffText().trim().max(max, `${label} is limited to ${max} characters.`);

/** What an editor may change about a photo; the bytes themselves never change. */
export const photoTextSchema = z.object({
  id: z.uuid("This photo is not in the library."),
  altText: photoTextField(PHOTO_TEXT_LIMITS.altText, "Alt text"),
  caption: photoTextField(PHOTO_TEXT_LIMITS.caption, "The caption"),
  credit: photoTextField(PHOTO_TEXT_LIMITS.credit, "The credit"),
});

export type PhotoTextInput = z.input<typeof photoTextSchema>;
