"use client";

import { useState } from "react";
import { inputClass } from "@/components/admin/form-field";
import { ARTICLE_LIMITS } from "@/lib/editor/article-limits";

export type Writer = { id: string; name: string };

type Props = {
  /** The story's writers, in byline order. */
  bylines: Writer[];
  onChange: (bylines: Writer[]) => void;
  /** Everyone who can be named on a story: staff and guest contributors. */
  writers: Writer[];
  errors?: string[];
};

const SMALL_BUTTON = "rounded-sm border border-stone-500 px-2 py-0.5 text-sm disabled:opacity-40";

/** Moves the writer at `index` one place towards `by` (-1 up, 1 down). */
function moved(bylines: Writer[], index: number, by: -1 | 1): Writer[] {
  const next = [...bylines];
  const [writer] = next.splice(index, 1);
  if (writer) next.splice(index + by, 0, writer);
  return next;
}

/**
 * The story's bylines, in the order readers see them ("By A and B"): each writer can be moved or
 * taken off, and anyone on staff or a guest contributor added. Sent as one field of ids in order.
 */
export function BylinesField({ bylines, onChange, writers, errors }: Props) {
  const [adding, setAdding] = useState("");
  const listed = new Set(bylines.map((writer) => writer.id));
  const addable = writers.filter((writer) => !listed.has(writer.id));
  const full = bylines.length >= ARTICLE_LIMITS.bylines;

  function add() {
    const writer = writers.find((candidate) => candidate.id === adding);
    if (!writer || listed.has(writer.id) || full) return;
    onChange([...bylines, writer]);
    setAdding("");
  }

  return (
    <fieldset
      className="rounded-sm border border-stone-300 p-3 dark:border-stone-700"
      aria-describedby={errors?.length ? "bylines-error" : undefined}
    >
      <legend className="px-1 text-sm font-semibold">Bylines</legend>
      <input type="hidden" name="bylines" value={bylines.map((writer) => writer.id).join(",")} />
      <ol className="space-y-1" aria-label="Writers, in byline order">
        {bylines.map((writer, index) => (
          <li key={writer.id} className="flex flex-wrap items-center gap-2 text-sm">
            <span className="min-w-40 font-medium">{writer.name}</span>
            <button
              type="button"
              className={SMALL_BUTTON}
              disabled={index === 0}
              aria-label={`Move ${writer.name} up`}
              onClick={() => onChange(moved(bylines, index, -1))}
            >
              Up
            </button>
            <button
              type="button"
              className={SMALL_BUTTON}
              disabled={index === bylines.length - 1}
              aria-label={`Move ${writer.name} down`}
              onClick={() => onChange(moved(bylines, index, 1))}
            >
              Down
            </button>
            <button
              type="button"
              className={SMALL_BUTTON}
              // A story always has a writer: the last one stays until another is added.
              disabled={bylines.length === 1}
              aria-label={`Remove ${writer.name}`}
              onClick={() => onChange(bylines.filter((other) => other.id !== writer.id))}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div className="mt-2 flex flex-wrap items-end gap-2">
        <label htmlFor="addByline" className="text-sm">
          Add a writer
          <select
            id="addByline"
            value={adding}
            onChange={(event) => setAdding(event.target.value)}
            disabled={full}
            className={inputClass}
          >
            <option value="">Choose a colleague or contributor…</option>
            {addable.map((writer) => (
              <option key={writer.id} value={writer.id}>
                {writer.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={SMALL_BUTTON} onClick={add} disabled={!adding || full}>
          Add to bylines
        </button>
      </div>
      {errors?.length ? (
        <p id="bylines-error" className="mt-1 text-sm text-red-800 dark:text-red-300" data-testid="bylines-error">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
