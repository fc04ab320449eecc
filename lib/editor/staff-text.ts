import { z } from "zod";

/**
 * C0 control characters other than tab and line breaks, and DEL. Nobody types them on purpose:
 * they arrive pasted from PDFs and word processors, invisible in the form. PostgreSQL cannot
 * store a NUL in text at all, and search snippets use U+0002 and U+0003 to mark highlights,
 * so a stored one would light up words no reader searched for.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LINE_BREAKS_AND_TABS = /[\t\n\r]+/g;

/** Removed rather than refused: the writer cannot see them, so could not find them to fix. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "");
}

/** Where a control character first occurs, for refusals that can point at a line; null when there is none. */
export function firstControlCharacter(text: string): { index: number; codePoint: number } | null {
  const index = text.search(CONTROL_CHARACTERS);
  return index === -1 ? null : { index, codePoint: text.charCodeAt(index) };
}

/**
 * Text staff write over several lines (a story body, a description, a caption): tabs and line breaks
 * stay. A browser sends a form's line breaks as CRLF; they are stored as LF, the form every other
 * path (the API, the rich editor, content/) writes, so that comparing two versions of a story finds
 * the words that changed, not every line end.
 */
export const staffText = () => z.string().overwrite((text) => withoutControlCharacters(text).replace(/\r\n?/g, "\n"));

/** Text that is one line wherever it appears (a headline, a name, a tag): a pasted line break becomes a space. */
export const staffLine = () =>
  z.string().overwrite((text) => withoutControlCharacters(text).replace(LINE_BREAKS_AND_TABS, " "));
