"use server";

import { addArticleNote, deleteArticleNote, editArticleNote, type ArticleNoteChange } from "@/db/queries/article-notes";
import { staffAction, type Outcome } from "@/lib/actions/staff-action";
import { NOTE_LABELS, isCorrection, type NoteKind } from "@/lib/article-notes";
import { addArticleNoteSchema, deleteArticleNoteSchema, editArticleNoteSchema } from "@/lib/editor/article-note-form";

/**
 * The staff page that lists the note (the story's, or its live page's for an entry's) is refreshed
 * with the readers' pages the note is on.
 */
function outcome(change: ArticleNoteChange, message: string, page: "story" | "live" = "story"): Outcome {
  if (change.status !== "ok") return change;
  const refresh = `/admin/articles/${change.articleId}${page === "live" ? "/live" : ""}`;
  return { status: "ok", message, expired: change.expired, refresh };
}

function whereReadersSee({ kind, liveEntryId }: { kind: NoteKind; liveEntryId?: string }) {
  if (liveEntryId) return "under the entry and at /corrections";
  return isCorrection(kind) ? "on the story and at /corrections" : "at the top of the story";
}

export const addArticleNoteAction = staffAction({
  role: "editor",
  schema: addArticleNoteSchema,
  echo: ["kind", "body"],
  run: async (input) =>
    outcome(
      await addArticleNote(input),
      `${NOTE_LABELS[input.kind]} added. Readers see it ${whereReadersSee(input)}.`,
      input.liveEntryId ? "live" : "story",
    ),
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
