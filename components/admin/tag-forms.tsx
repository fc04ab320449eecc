"use client";

import { useActionState } from "react";
import { FormMessage } from "./form-message";
import { createTagAction, deleteTagAction, mergeTagAction, renameTagAction } from "@/app/admin/(newsroom)/tags/actions";
import type { TagSummary } from "@/db/queries/taxonomy";
import { idle, typedValue as typed, type ActionResult, type FormState } from "@/lib/actions/result";
import { ARTICLE_LIMITS } from "@/lib/editor/article-limits";
import { FormField, inputClass } from "./form-field";
import { routes } from "@/lib/routes";

const smallInput = "rounded-sm border border-stone-400 px-2 py-1 dark:bg-stone-900";
const button = "rounded-sm border border-stone-500 px-2 py-1 font-semibold disabled:opacity-60";
const dangerButton = "rounded-sm bg-red-800 px-3 py-1 font-semibold text-white disabled:opacity-60";

const primaryButton =
  "rounded-sm bg-stone-900 px-4 py-2 font-semibold text-white disabled:opacity-60 " +
  "dark:bg-stone-100 dark:text-stone-900";

const useTagForm = (action: (previous: unknown, formData: FormData) => Promise<ActionResult>) =>
  useActionState<FormState<ActionResult>, FormData>(action, idle);

export function TagCreateForm() {
  const [state, formAction, pending] = useTagForm(createTagAction);
  return (
    <form action={formAction} aria-label="New tag">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <FormField
            id="new-tag-name"
            label="Name"
            hint={`The address comes from the name: “Local Government” lives at ${routes.tag("local-government")}.`}
          >
            <input
              id="new-tag-name"
              name="name"
              required
              maxLength={ARTICLE_LIMITS.tag}
              defaultValue={typed(state, "name") ?? ""}
              aria-describedby="new-tag-name-hint"
              className={inputClass}
            />
          </FormField>
        </div>
        <button type="submit" disabled={pending} className={primaryButton}>
          Create tag
        </button>
      </div>
      <FormMessage state={state} testId="new-tag-status" />
    </form>
  );
}

export function TagRenameForm({ tag }: { tag: TagSummary }) {
  const [state, formAction, pending] = useTagForm(renameTagAction);
  const inputId = `rename-${tag.id}`;
  return (
    <form action={formAction}>
      <div className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="id" value={tag.id} />
        <label htmlFor={inputId} className="sr-only">
          New name for {tag.name}
        </label>
        <input
          id={inputId}
          name="name"
          required
          maxLength={ARTICLE_LIMITS.tag}
          defaultValue={typed(state, "name") ?? tag.name}
          className={`w-44 ${smallInput}`}
        />
        <button type="submit" disabled={pending} className={button}>
          Rename<span className="sr-only"> {tag.name}</span>
        </button>
      </div>
      <FormMessage state={state} testId={`rename-status-${tag.id}`} />
    </form>
  );
}

/**
 * One merge form for the whole table: a select per row would repeat every tag in every row.
 * `sourceId` arrives preselected when an editor follows a row's "Merge into…" link.
 */
export function TagMergeForm({ tags, sourceId }: { tags: TagSummary[]; sourceId?: string }) {
  const [state, formAction, pending] = useTagForm(mergeTagAction);
  const options = tags.map((tag) => (
    <option key={tag.id} value={tag.id}>
      {tag.name} ({routes.tag(tag.slug)})
    </option>
  ));
  return (
    <form action={formAction} aria-label="Merge tags">
      <p className="mb-3 text-sm text-stone-600 dark:text-stone-400">
        The first tag’s stories get the second tag, the first tag is removed, and its addresses lead to the second from
        then on.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <FormField id="merge-source" label="Merge this tag">
          <select
            id="merge-source"
            name="sourceId"
            required
            defaultValue={typed(state, "sourceId") ?? sourceId ?? ""}
            className={inputClass}
          >
            <option value="" disabled>
              Choose a tag
            </option>
            {options}
          </select>
        </FormField>
        <FormField id="merge-target" label="Into this tag">
          <select
            id="merge-target"
            name="targetId"
            required
            defaultValue={typed(state, "targetId") ?? ""}
            className={inputClass}
          >
            <option value="" disabled>
              Choose a tag
            </option>
            {options}
          </select>
        </FormField>
        <button type="submit" disabled={pending} className={primaryButton}>
          Merge tags
        </button>
      </div>
      <FormMessage state={state} testId="merge-status" />
    </form>
  );
}

/** Deleting cannot be undone, so the button sits behind a disclosure that says what will happen. */
export function TagDeleteForm({ tag, articleCount }: { tag: TagSummary; articleCount: number }) {
  const [state, formAction, pending] = useTagForm(deleteTagAction);
  const articles = articleCount === 1 ? "1 story" : `${articleCount} stories`;
  return (
    <details>
      <summary className="cursor-pointer text-red-800 dark:text-red-300">
        Delete…<span className="sr-only"> {tag.name}</span>
      </summary>
      <form action={formAction} className="mt-2 max-w-xs space-y-2">
        <input type="hidden" name="id" value={tag.id} />
        <p>
          “{tag.name}” will be taken off {articles} and {routes.tag(tag.slug)} will stop working. This cannot be undone;
          to keep old links alive, merge it instead.
        </p>
        <button type="submit" disabled={pending} className={dangerButton}>
          Delete tag<span className="sr-only"> {tag.name}</span>
        </button>
        <FormMessage state={state} testId={`delete-status-${tag.id}`} />
      </form>
    </details>
  );
}
