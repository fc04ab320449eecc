"use client";

import { useActionState } from "react";
import {
  approveLiveEntryAction,
  deleteLiveEntryAction,
  editLiveEntryAction,
  endLiveCoverageAction,
  pinLiveEntryAction,
  postLiveEntryAction,
  startLiveCoverageAction,
  storyFromLiveEntryAction,
} from "@/app/admin/(newsroom)/articles/live-actions";
import type { LiveEntryForStaff } from "@/db/queries/live-coverage";
import { idle, typedValue as typed, type ActionResult, type FormState } from "@/lib/actions/result";
import { LIVE_ENTRY_LIMITS } from "@/lib/editor/form-limits";
import { AddLiveEntryNoteForm } from "./article-note-forms";
import { FormField, inputClass } from "./form-field";
import { FormMessage } from "./form-message";

const button = "rounded-sm border border-stone-500 px-3 py-1 text-sm font-semibold disabled:opacity-60";
const primaryButton =
  "rounded-sm bg-red-800 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60 hover:bg-red-900";

const useLiveForm = (action: (previous: unknown, formData: FormData) => Promise<ActionResult>) =>
  useActionState<FormState<ActionResult>, FormData>(action, idle);

function IssueList({ state }: { state: FormState<ActionResult> }) {
  if (state.status !== "invalid" || !state.issues?.length) return null;
  return (
    <ul className="mt-2 list-disc pl-5 text-sm text-red-800 dark:text-red-300">
      {state.issues.map((issue) => (
        <li key={`${issue.line}:${issue.column}:${issue.message}`}>
          Line {issue.line}, column {issue.column}: {issue.message}
        </li>
      ))}
    </ul>
  );
}

export function StartLiveCoverageForm({ articleId, live }: { articleId: string; live: boolean }) {
  const [state, formAction, pending] = useLiveForm(startLiveCoverageAction);
  return (
    <form action={formAction} aria-label="Live coverage settings" className="space-y-3">
      <input type="hidden" name="articleId" value={articleId} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="entriesNeedReview" className="mt-1" />
        <span>Writers’ entries wait for an editor before readers see them</span>
      </label>
      <button type="submit" disabled={pending} className={live ? button : primaryButton}>
        {live ? "Save the review setting" : "Turn into live coverage"}
      </button>
      <FormMessage state={state} testId="live-start-status" />
    </form>
  );
}

export function EndLiveCoverageForm({ articleId }: { articleId: string }) {
  const [state, formAction, pending] = useLiveForm(endLiveCoverageAction);
  return (
    <form action={formAction}>
      <input type="hidden" name="articleId" value={articleId} />
      <button type="submit" disabled={pending} className={button}>
        End live coverage
      </button>
      <FormMessage state={state} testId="live-end-status" />
    </form>
  );
}

function EntryFields({
  idPrefix,
  state,
  title,
  body,
}: {
  idPrefix: string;
  state: FormState<ActionResult>;
  title: string;
  body: string;
}) {
  return (
    <>
      <FormField id={`${idPrefix}-title`} label="Title (optional)" hint="A few words for Key events.">
        <input
          id={`${idPrefix}-title`}
          name="title"
          maxLength={LIVE_ENTRY_LIMITS.title}
          defaultValue={typed(state, "title") ?? title}
          aria-describedby={`${idPrefix}-title-hint`}
          className={inputClass}
        />
      </FormField>
      <FormField
        id={`${idPrefix}-body`}
        label="Update"
        hint="Written as a story is: paragraphs, links, **bold**, and <Figure photo=…> for a library photo."
      >
        <textarea
          id={`${idPrefix}-body`}
          name="bodyMdx"
          rows={5}
          required
          defaultValue={typed(state, "bodyMdx") ?? body}
          aria-describedby={`${idPrefix}-body-hint`}
          className={`${inputClass} font-mono text-sm`}
        />
      </FormField>
      <IssueList state={state} />
    </>
  );
}

/** The compact composer: post, and the form clears for the next entry. */
export function LiveEntryComposer({ articleId }: { articleId: string }) {
  const [state, formAction, pending] = useLiveForm(postLiveEntryAction);
  return (
    <form action={formAction} aria-label="Post an update" className="space-y-3">
      <input type="hidden" name="articleId" value={articleId} />
      <EntryFields idPrefix="new-entry" state={state} title="" body="" />
      <button type="submit" disabled={pending} className={primaryButton}>
        Post update
      </button>
      <FormMessage state={state} testId="live-post-status" />
    </form>
  );
}

export function LiveEntryControls({
  articleId,
  entry,
  mayEdit,
  mayApprove,
}: {
  articleId: string;
  entry: LiveEntryForStaff;
  /** Its writer or an editor: edit, delete, pin. */
  mayEdit: boolean;
  /** An editor: let a waiting entry through, and correct a published one. */
  mayApprove: boolean;
}) {
  const [pinned, pinAction, pinning] = useLiveForm(pinLiveEntryAction);
  const [approved, approveAction, approving] = useLiveForm(approveLiveEntryAction);
  const [deleted, deleteAction, deleting] = useLiveForm(deleteLiveEntryAction);
  const [edited, editAction, editing] = useLiveForm(editLiveEntryAction);
  const [drafted, draftAction, drafting] = useLiveForm(storyFromLiveEntryAction);
  const named = <span className="sr-only"> the update “{entry.title ?? entry.bodyMdx.slice(0, 40)}”</span>;
  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap gap-2">
        {mayEdit && entry.status === "published" ? (
          <form action={pinAction}>
            <input type="hidden" name="entryId" value={entry.id} />
            <input type="hidden" name="pinned" value={entry.pinned ? "no" : "yes"} />
            <button type="submit" disabled={pinning} className={button}>
              {entry.pinned ? "Unpin" : "Pin as key event"}
              {named}
            </button>
          </form>
        ) : null}
        {mayApprove && entry.status === "pending" ? (
          <form action={approveAction}>
            <input type="hidden" name="entryId" value={entry.id} />
            <button type="submit" disabled={approving} className={button}>
              Publish{named}
            </button>
          </form>
        ) : null}
        <form action={draftAction}>
          <input type="hidden" name="entryId" value={entry.id} />
          <button type="submit" disabled={drafting} className={button}>
            Make a story of{named}
          </button>
        </form>
        {mayEdit ? (
          <form action={deleteAction}>
            <input type="hidden" name="entryId" value={entry.id} />
            <button
              type="submit"
              disabled={deleting}
              className={`${button} border-red-800 text-red-900 dark:text-red-200`}
            >
              Delete{named}
            </button>
          </form>
        ) : null}
      </div>
      {mayEdit ? (
        <details>
          <summary className="cursor-pointer text-sm underline">Edit{named}</summary>
          <form action={editAction} className="mt-2 space-y-3">
            <input type="hidden" name="entryId" value={entry.id} />
            <input type="hidden" name="expectedVersion" value={entry.version} />
            <EntryFields idPrefix={`entry-${entry.id}`} state={edited} title={entry.title ?? ""} body={entry.bodyMdx} />
            <button type="submit" disabled={editing} className={button}>
              Save the update
            </button>
            <FormMessage state={edited} testId={`live-edit-status-${entry.id}`} />
          </form>
        </details>
      ) : null}
      {mayApprove && entry.status === "published" ? (
        <details>
          <summary className="cursor-pointer text-sm underline">Correct{named}</summary>
          <AddLiveEntryNoteForm articleId={articleId} liveEntryId={entry.id} />
        </details>
      ) : null}
      <FormMessage state={pinned} testId={`live-pin-status-${entry.id}`} />
      <FormMessage state={approved} testId={`live-approve-status-${entry.id}`} />
      <FormMessage state={deleted} testId={`live-delete-status-${entry.id}`} />
      <FormMessage state={drafted} testId={`live-draft-status-${entry.id}`} />
    </div>
  );
}
