"use server";

import { addArticleNote, deleteArticleNote, editArticleNote, type ArticleNoteChange } from "@/db/queries/article-notes";
import { staffAction, type Outcome } from "@/lib/actions/staff-action";
import { NOTE_LABELS, isCorrection } from "@/lib/article-notes";
import { addArticleNoteSchema, deleteArticleNoteSchema, editArticleNoteSchema } from "@/lib/editor/article-note-form";

/** The story's staff page lists its notes, so it is refreshed with the readers' pages the note is on. */
function outcome(change: ArticleNoteChange, message: string): Outcome {
  if (change.status !== "ok") return change;
  return { status: "ok", message, expired: change.expired, refresh: `/admin/articles/${change.articleId}` };
}

export const addArticleNoteAction = staffAction({
  role: "editor",
  schema: addArticleNoteSchema,
  echo: ["kind", "body"],
  run: async (input) => {
    const where = isCorrection(input.kind) ? "on the story and at /corrections" : "at the top of the story";
    return outcome(await addArticleNote(input), `${NOTE_LABELS[input.kind]} added. Readers see it ${where}.`);
  },
});

export const editArticleNoteAction = staffAction({
  role: "admin",
  schema: editArticleNoteSchema,
  echo: ["kind", "body"],
  run: async (input) => outcome(await editArticleNote(input), "Note changed. The audit log keeps what it said before."),
});

export const deleteArticleNoteAction = staffAction({
  role: "admin",
  schema: deleteArticleNoteSchema,
  run: async (input) => outcome(await deleteArticleNote(input), "Note deleted. The audit log keeps what it said."),
});
