import type { WordPart } from "@/lib/editor/story-diff";

// Colour is never the only sign: struck through and underlined too, and named for screen readers.
export const REMOVED_TEXT =
  "bg-red-100 text-red-950 line-through decoration-red-800 dark:bg-red-950 dark:text-red-100 dark:decoration-red-300";
export const ADDED_TEXT =
  "bg-emerald-100 text-emerald-950 underline decoration-emerald-800 dark:bg-emerald-950 dark:text-emerald-100 " +
  "dark:decoration-emerald-300";

/**
 * A word diff as text with its removals struck through and its additions underlined, each named
 * aloud. Shared by the history (a server page) and the conflict screen (in the browser), so it
 * imports nothing either side lacks.
 */
export function WordDiff({ parts, removed, added }: { parts: WordPart[]; removed: string; added: string }) {
  return parts.map((part, index) =>
    part.kind === "same" ? (
      <span key={index}>{part.text}</span>
    ) : part.kind === "removed" ? (
      <del key={index} className={REMOVED_TEXT}>
        <span className="sr-only">{removed} </span>
        {part.text}
      </del>
    ) : (
      <ins key={index} className={ADDED_TEXT}>
        <span className="sr-only">{added} </span>
        {part.text}
      </ins>
    ),
  );
}
