import { z } from "zod";
import { REVIEW_LIMITS } from "./form-limits";
import { staffText } from "./staff-text";

/** An editor returning a story to its writer: the version they read, and what the writer should change. */
export const returnToWriterSchema = z.object({
  id: z.uuid("That story could not be found: reload the page and try again."),
  expectedVersion: z.coerce.number().int().min(1),
  note: staffText()
    .trim()
    .min(1, "Write a note telling the writer what to change.")
    .max(REVIEW_LIMITS.note, `The note is limited to ${REVIEW_LIMITS.note.toLocaleString("en-GB")} characters.`),
});
