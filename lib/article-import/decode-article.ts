import { firstControlCharacter } from "@/lib/editor/staff-text";
import { ArticleFormatError } from "@/lib/article-import/parse-article";

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Decodes a story file's bytes as UTF-8. Stories saved in another encoding
 * (say Windows-1252 from an old word processor) are refused rather than
 * imported with mangled letters.
 */
export function decodeArticleBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidByteOffset(bytes);
    const byte = bytes[offset] ?? 0;
    throw new ArticleFormatError(
      lineNumberAt(bytes, offset),
      `the file is not valid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} ` +
        `at offset ${offset}); save it as UTF-8`,
    );
  }
  refuseControlCharacters(text);
  return text;
}

/**
 * A control character is invisible in an editor and never part of a story; PostgreSQL cannot
 * store a NUL, and search would read U+0002 and U+0003 as its own highlight marks.
 */
function refuseControlCharacters(text: string): void {
  const found = firstControlCharacter(text);
  if (!found) return;
  const codePoint = `U+${found.codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  throw new ArticleFormatError(
    text.slice(0, found.index).split(/\r\n|\r|\n/).length,
    `the file holds an invisible control character (${codePoint}), which no story needs; delete it and import again`,
  );
}

/**
 * TextDecoder says only that decoding failed, not where: feed it one byte at
 * a time and remember where the character in progress began, so a broken
 * sequence is reported at its first byte rather than where it was noticed.
 */
function firstInvalidByteOffset(bytes: Uint8Array): number {
  // Keep the BOM as output so a character starting after it is seen as complete.
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let characterStart = 0;
  for (let offset = 0; offset < bytes.length; offset++) {
    try {
      if (decoder.decode(bytes.subarray(offset, offset + 1), { stream: true }) !== "") {
        characterStart = offset + 1;
      }
    } catch {
      return characterStart;
    }
  }
  // Every byte was accepted, so the file ends part-way through a character.
  return characterStart;
}

/** Counts line breaks the way parseStory does: CRLF, lone CR and LF each end a line. */
function lineNumberAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) {
    const byte = bytes[index];
    if (byte === LINE_FEED) line++;
    if (byte === CARRIAGE_RETURN && bytes[index + 1] !== LINE_FEED) line++;
  }
  return line;
}
