"use client";

import { useActionState } from "react";
import {
  addArticleNoteAction,
  deleteArticleNoteAction,
  editArticleNoteAction,
} from "@/app/admin/(newsroom)/articles/note-actions";
import type { ArticleNoteForStaff } from "@/db/queries/article-notes";
import { idle, typedValue as typed, type ActionResult, type FormState } from "@/lib/actions/result";
import { ENTRY_NOTE_KINDS, NOTE_LABELS, type NoteKind } from "@/lib/article-notes";
import { ARTICLE_NOTE_LIMITS } from "@/lib/editor/form-limits";
import { FormField, inputClass } from "./form-field";
import { FormMessage } from "./form-message";

const button = "rounded-sm border border-stone-500 px-3 py-1 text-sm font-semibold disabled:opacity-60";
const primaryButton =
  "rounded-sm bg-stone-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60 " +
  "dark:bg-stone-100 dark:text-stone-900";

const KIND_HINTS: Record<NoteKind, string> = {
  correction: "A correction: something we published was wrong. Listed at the story's foot and on /corrections.",
  clarification: "A clarification: what we published was right but could mislead. Listed like a correction.",
  update: "An update: news since publication. Shown at the top of the story.",
};

const useNoteForm = (action: (previous: unknown, formData: FormData) => Promise<ActionResult>) =>
  useActionState<FormState<ActionResult>, FormData>(action, idle);

const ALL_KINDS = Object.keys(NOTE_LABELS) as NoteKind[];

function NoteFields({
  idPrefix,
  state,
  kind,
  body,
  kinds = ALL_KINDS,
}: {
  idPrefix: string;
  state: FormState<ActionResult>;
  kind: NoteKind;
  body: string;
  kinds?: readonly NoteKind[];
}) {
  const errors = state.status === "invalid" ? (state.fieldErrors ?? {}) : {};
  return (
    <>
      <fieldset className="space-y-1 text-sm">
        <legend className="font-semibold">Kind</legend>
        {kinds.map((value) => (
          <label key={value} className="flex items-start gap-2">
            <input
              type="radio"
              name="kind"
              value={value}
              defaultChecked={(typed(state, "kind") ?? kind) === value}
              className="mt-1"
            />
            <span>{KIND_HINTS[value]}</span>
          </label>
        ))}
      </fieldset>
      <FormField
        id={`${idPrefix}-body`}
        label="Text readers see"
        hint="Say what was wrong and what is right, plainly: “An earlier version of this story gave the wrong date…”"
        errors={errors.body}
      >
        <textarea
          id={`${idPrefix}-body`}
          name="body"
          rows={3}
          required
          maxLength={ARTICLE_NOTE_LIMITS.body}
          defaultValue={typed(state, "body") ?? body}
          aria-describedby={`${idPrefix}-body-hint`}
          className={inputClass}
        />
      </FormField>
    </>
  );
}

export function AddArticleNoteForm({ articleId }: { articleId: string }) {
  const [state, formAction, pending] = useNoteForm(addArticleNoteAction);
  return (
    <form action={formAction} aria-label="Add a correction or update" className="space-y-3">
      <input type="hidden" name="articleId" value={articleId} />
      <NoteFields idPrefix="new-note" state={state} kind="correction" body="" />
      <button type="submit" disabled={pending} className={primaryButton}>
        Add to the story
      </button>
      <FormMessage state={state} testId="note-status" />
    </form>
  );
}

/** An editor corrects one entry of a live story: the note shows under the entry and on /corrections. */
export function AddLiveEntryNoteForm({ articleId, liveEntryId }: { articleId: string; liveEntryId: string }) {
  const [state, formAction, pending] = useNoteForm(addArticleNoteAction);
  return (
    <form action={formAction} aria-label="Correct this entry" className="mt-2 space-y-3">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="liveEntryId" value={liveEntryId} />
      <NoteFields
        idPrefix={`entry-note-${liveEntryId}`}
        state={state}
        kind="correction"
        body=""
        kinds={ENTRY_NOTE_KINDS}
      />
      <button type="submit" disabled={pending} className={button}>
        Add to the entry
      </button>
      <FormMessage state={state} testId={`entry-note-status-${liveEntryId}`} />
    </form>
  );
}

/** An administrator's only: corrections are kept, so changing or removing one is logged. */
export function AdministerNote({ note }: { note: ArticleNoteForStaff }) {
  const [edited, editAction, editing] = useNoteForm(editArticleNoteAction);
  const [deleted, deleteAction, deleting] = useNoteForm(deleteArticleNoteAction);
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-sm underline">
        Change or delete<span className="sr-only"> this {NOTE_LABELS[note.kind].toLowerCase()}</span>
      </summary>
      <form action={editAction} className="mt-2 space-y-3">
        <input type="hidden" name="noteId" value={note.id} />
        <NoteFields
          idPrefix={`note-${note.id}`}
          state={edited}
          kind={note.kind}
          body={note.body}
          kinds={note.liveEntry ? ENTRY_NOTE_KINDS : ALL_KINDS}
        />
        <button type="submit" disabled={editing} className={button}>
          Save the note
        </button>
        <FormMessage state={edited} testId={`note-edit-status-${note.id}`} />
      </form>
      <form action={deleteAction} className="mt-3">
        <input type="hidden" name="noteId" value={note.id} />
        <button type="submit" disabled={deleting} className={`${button} border-red-800 text-red-900 dark:text-red-200`}>
          Delete the note
        </button>
        <FormMessage state={deleted} testId={`note-delete-status-${note.id}`} />
      </form>
    </details>
  );
}
