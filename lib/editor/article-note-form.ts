import { z } from "zod";
import { ARTICLE_NOTE_LIMITS } from "./form-limits";
import { staffText } from "./staff-text";

const STALE_FORM = "This form is out of date: reload the page and try again.";

const noteFields = {
  kind: z.enum(
    ["correction", "clarification", "update"],
    "Choose whether this is a correction, a clarification or an update.",
  ),
  body: staffText()
    .trim()
    .min(1, "Write what was wrong and what is right, or what is new.")
    .max(
      ARTICLE_NOTE_LIMITS.body,
      `Keep the note to ${ARTICLE_NOTE_LIMITS.body.toLocaleString("en-GB")} characters or fewer.`,
    ),
};

export const addArticleNoteSchema = z.object({
  articleId: z.uuid(STALE_FORM),
  // Set for a correction to one entry of a live story.
  liveEntryId: z.uuid(STALE_FORM).optional(),
  ...noteFields,
});
export const editArticleNoteSchema = z.object({ noteId: z.uuid(STALE_FORM), ...noteFields });
export const deleteArticleNoteSchema = z.object({ noteId: z.uuid(STALE_FORM) });
