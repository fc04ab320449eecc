import { diffArrays, diffWordsWithSpace } from "diff";
import { readMdx } from "@/lib/mdx/parse-article";

/** One run of a word diff: text both versions share, or text only the later ("added") or earlier one has. */
export type WordPart = { kind: "same" | "added" | "removed"; text: string };

/** Blocks both versions share, or a change a person decides: their blocks against mine (either may be empty). */
export type StoryHunk = { kind: "same"; blocks: string[] } | { kind: "changed"; theirs: string[]; mine: string[] };

/** Which side a person kept for a changed hunk, by the hunk's place in the list diffStoryBlocks returned. */
export type HunkChoices = Record<number, "theirs" | "mine">;

// Past this many words and spaces changed, the diff's cost grows with the square of the changes
// (seconds for a rewritten long read): such a text is shown as wholly replaced instead.
const MAX_WORD_EDITS = 2000;

/**
 * Matching the spaces between words would cut a rewritten sentence into alternating scraps
 * ("~~Ships~~ I ~~wait~~ added"): a change that only spaces separate from the next is one change.
 */
function joinChangesAcrossSpaces(parts: WordPart[]): WordPart[] {
  const joined: WordPart[] = [];
  const add = (kind: WordPart["kind"], text: string) => {
    const last = joined.at(-1);
    if (last?.kind === kind) last.text += text;
    else if (text) joined.push({ kind, text });
  };
  let removed = "";
  let added = "";
  let space = "";
  for (const part of parts) {
    if (part.kind !== "same") {
      removed += space;
      added += space;
      space = "";
      if (part.kind === "removed") removed += part.text;
      else added += part.text;
    } else if ((removed || added) && !part.text.trim()) {
      space += part.text;
    } else {
      add("removed", removed);
      add("added", added);
      add("same", space + part.text);
      removed = added = space = "";
    }
  }
  add("removed", removed);
  add("added", added);
  add("same", space);
  return joined;
}

/** What changed from `before` to `after`, word by word; the same and removed parts spell `before` exactly. */
export function diffStoryWords(before: string, after: string): WordPart[] {
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_WORD_EDITS });
  if (!changes) {
    const replaced: WordPart[] = [
      { kind: "removed", text: before },
      { kind: "added", text: after },
    ];
    return replaced.filter((part) => part.text);
  }
  return joinChangesAcrossSpaces(
    changes.map((change) => ({
      kind: change.added ? "added" : change.removed ? "removed" : "same",
      text: change.value,
    })),
  );
}

const BLANK_LINE = /\n[ \t]*\n/;

function paragraphs(mdx: string): string[] {
  return mdx
    .split(BLANK_LINE)
    .map((block) => block.replace(/^\s*\n|\s+$/g, ""))
    .filter(Boolean);
}

/**
 * The story's blocks as a writer sees them: what blank lines separate, except that a blank line
 * inside one element of the story (a pull quote's paragraphs, a loose list, fenced code) is part of
 * it. The MDX parser says where each element starts and ends, so no second reading of MDX is needed.
 */
export function splitIntoBlocks(mdx: string): string[] {
  let elements;
  try {
    elements = readMdx(mdx).children;
  } catch {
    // Only checked text is ever saved, but text typed since may not parse: blank lines alone then.
    return paragraphs(mdx);
  }
  const blocks: string[] = [];
  let start: number | null = null;
  let end = 0;
  for (const element of elements) {
    const from = element.position?.start.offset;
    const to = element.position?.end.offset;
    if (from === undefined || to === undefined) continue;
    if (start !== null && BLANK_LINE.test(mdx.slice(end, from))) {
      blocks.push(mdx.slice(start, end));
      start = null;
    }
    // From the start of its line, so an indented first line keeps its indentation.
    start ??= mdx.lastIndexOf("\n", from - 1) + 1;
    end = to;
  }
  if (start !== null) blocks.push(mdx.slice(start, end));
  return blocks;
}

/** Their body against mine as unchanged blocks and changed hunks, in story order. */
export function diffStoryBlocks(theirs: string, mine: string): StoryHunk[] {
  const hunks: StoryHunk[] = [];
  for (const change of diffArrays(splitIntoBlocks(theirs), splitIntoBlocks(mine))) {
    const last = hunks.at(-1);
    if (!change.added && !change.removed) {
      hunks.push({ kind: "same", blocks: change.value });
    } else if (last?.kind === "changed") {
      // A removed run next to an added one is one change: their wording of a passage against mine.
      last[change.added ? "mine" : "theirs"].push(...change.value);
    } else {
      hunks.push({
        kind: "changed",
        theirs: change.removed ? change.value : [],
        mine: change.added ? change.value : [],
      });
    }
  }
  return hunks;
}

/** The body made of each hunk's chosen side; a change nobody chose keeps mine, the text on screen. */
export function mergeStoryBlocks(hunks: StoryHunk[], choices: HunkChoices): string {
  return hunks
    .flatMap((hunk, index) => (hunk.kind === "same" ? hunk.blocks : hunk[choices[index] ?? "mine"]))
    .join("\n\n");
}
