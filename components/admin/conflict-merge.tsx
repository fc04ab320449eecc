"use client";

import { useId, useMemo, useState } from "react";
import { ADDED_TEXT, REMOVED_TEXT, WordDiff } from "@/components/admin/word-diff";
import {
  diffStoryBlocks,
  diffStoryWords,
  mergeStoryBlocks,
  type HunkChoices,
  type StoryHunk,
} from "@/lib/editor/story-diff";

type Props = {
  /** The version saved meanwhile, as the 409 returned it. */
  theirs: { version: number; headline: string; bodyMdx: string; savedByName?: string | null };
  /** The body as it stands in my editor. */
  mine: string;
  /** The merged body, and the version it was merged over: the one the next save must expect. */
  onResolve(body: string, version: number): void;
};

const DIFF_TEXT =
  "rounded-sm border border-stone-300 bg-white p-3 font-mono text-sm whitespace-pre-wrap " +
  "dark:border-stone-700 dark:bg-stone-900";
const PRIMARY_BUTTON =
  "rounded-sm bg-stone-900 px-4 py-2 text-sm font-semibold text-white dark:bg-stone-100 dark:text-stone-900";

/** Each changed hunk with its number as the writer counts changes and its word diff, worked out once. */
function describeChanges(hunks: StoryHunk[]) {
  let count = 0;
  return hunks.map((hunk) =>
    hunk.kind === "same"
      ? null
      : { change: (count += 1), parts: diffStoryWords(hunk.theirs.join("\n\n"), hunk.mine.join("\n\n")) },
  );
}

// A passage only one side has: "keep mine" there leaves their passage out, which the label alone does not say.
const oneSided = (hunk: { theirs: string[]; mine: string[] }) =>
  hunk.mine.length === 0 ? "only in theirs" : hunk.theirs.length === 0 ? "only in mine" : null;

const unchangedCount = (count: number) => `${count} unchanged paragraph${count === 1 ? "" : "s"}`;

function Choice({
  name,
  side,
  label,
  change,
  checked,
  onChoose,
}: {
  name: string;
  side: "theirs" | "mine";
  label: string;
  change: number;
  checked: boolean;
  onChoose(side: "theirs" | "mine"): void;
}) {
  return (
    <label className="flex items-center gap-1">
      <input type="radio" name={name} value={side} checked={checked} onChange={() => onChoose(side)} />
      {label}
      <span className="sr-only"> for change {change}</span>
    </label>
  );
}

/**
 * The conflict screen: their saved body against mine, block by block. Each changed passage shows
 * their words struck through and mine underlined, and the writer takes theirs or keeps mine there.
 */
export function ConflictMerge({ theirs, mine, onResolve }: Props) {
  const groupName = useId();
  const hunks = useMemo(() => diffStoryBlocks(theirs.bodyMdx, mine), [theirs.bodyMdx, mine]);
  // Choices name hunks by place, so they hold only for the diff they were made on.
  const [picked, setPicked] = useState<{ hunks: StoryHunk[]; choices: HunkChoices }>({ hunks, choices: {} });
  const choices = picked.hunks === hunks ? picked.choices : {};
  const choose = (index: number, side: "theirs" | "mine") =>
    setPicked({ hunks, choices: { ...choices, [index]: side } });
  // A word diff costs up to a few hundred milliseconds: not again on every choice.
  const described = useMemo(() => describeChanges(hunks), [hunks]);

  return (
    <section
      aria-label="Their version"
      className="space-y-3 rounded-sm border border-amber-500 bg-amber-50 p-3 text-sm dark:bg-amber-950"
    >
      <h2 className="font-semibold">
        {theirs.savedByName ?? "Someone else"} saved version {theirs.version} while you were editing
      </h2>
      <p>Their headline: “{theirs.headline}”</p>
      <p>
        <del className={REMOVED_TEXT}>Their text</del> against <ins className={ADDED_TEXT}>my text</ins>. For each
        change, take theirs or keep mine; a change you leave keeps mine.
      </p>
      {hunks.every((hunk) => hunk.kind === "same") ? <p>Their story text is the same as mine.</p> : null}
      <ol className="space-y-3">
        {hunks.map((hunk, index) => {
          if (hunk.kind === "same") {
            return (
              <li key={index}>
                <details>
                  <summary className="cursor-pointer text-stone-700 dark:text-stone-300">
                    {unchangedCount(hunk.blocks.length)}
                  </summary>
                  <div className={`mt-1 ${DIFF_TEXT}`}>{hunk.blocks.join("\n\n")}</div>
                </details>
              </li>
            );
          }
          const { change, parts } = described[index]!;
          const choice = choices[index] ?? "mine";
          const note = oneSided(hunk);
          return (
            <li key={index}>
              <fieldset className="space-y-2">
                <legend className="font-semibold">
                  Change {change}
                  {note ? <span className="font-normal"> ({note})</span> : null}
                </legend>
                <div className={DIFF_TEXT}>
                  <WordDiff parts={parts} removed="their text:" added="my text:" />
                </div>
                <div className="flex flex-wrap gap-4">
                  {(["theirs", "mine"] as const).map((side) => (
                    <Choice
                      key={side}
                      name={`${groupName}-change-${change}`}
                      side={side}
                      label={side === "theirs" ? "Take theirs" : "Keep mine"}
                      change={change}
                      checked={choice === side}
                      onChoose={(chosen) => choose(index, chosen)}
                    />
                  ))}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() => onResolve(mergeStoryBlocks(hunks, choices), theirs.version)}
        className={PRIMARY_BUTTON}
      >
        Save the merged version
      </button>
    </section>
  );
}
