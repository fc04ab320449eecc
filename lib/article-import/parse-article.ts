/**
 * Reads the newsroom's plain-text story format:
 *
 *   Section
 *
 *   published : YYYY-MM-DD
 *
 *   Headline
 *
 *   Standfirst
 *
 *   Body blocks: paragraphs, and photo descriptions carrying
 *   `[taken with CAMERA]` at their end or as the next block on its own.
 *
 * Blocks are separated by blank lines; lines wrapped inside a block are one
 * sentence stream, so they are joined with a single space.
 */

export interface ImportedPhoto {
  description: string;
  camera: string;
}

export interface ImportedParagraph {
  kind: "paragraph";
  text: string;
}

export interface ImportedInlinePhoto extends ImportedPhoto {
  kind: "photo";
}

export type ImportedBodyBlock = ImportedParagraph | ImportedInlinePhoto;

export interface ParsedArticleFile {
  section: string;
  /** YYYY-MM-DD, checked to be a real calendar date. */
  published: string;
  headline: string;
  dek: string;
  leadPhoto?: ImportedPhoto;
  body: ImportedBodyBlock[];
}

/** A story the format cannot accept; `line` is 1-based so editors can jump to it. */
export class ArticleFormatError extends Error {
  readonly line: number;
  readonly reason: string;

  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.name = "ArticleFormatError";
    this.line = line;
    this.reason = reason;
  }
}

interface Block {
  /** The block's lines, trimmed and joined with single spaces. */
  text: string;
  firstLine: number;
  /** Where each source line starts inside `text`, to point errors at the right line. */
  lineStarts: Array<{ offset: number; line: number }>;
}

const PUBLISHED_FORMAT = '"published : YYYY-MM-DD"';
const PUBLISHED_LINE = /^published\s*:\s*(.*)$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CAMERA_NOTE_OPENING = /\[\s*taken\s+with(?![a-z])/i;
const QUOTED_TEXT_LIMIT = 60;

export function parseArticle(text: string): ParsedArticleFile {
  const lines = splitLines(text);
  const blocks = splitBlocks(lines);
  const endOfArticleLine = endOfArticleLineNumber(lines);

  const sectionBlock = blocks[0];
  if (!sectionBlock) {
    throw new ArticleFormatError(1, "the file is empty; expected a section name");
  }
  if (PUBLISHED_LINE.test(sectionBlock.text)) {
    throw new ArticleFormatError(sectionBlock.firstLine, "expected a section name before the published date");
  }
  refuseCameraNote(sectionBlock, "the section name");

  const published = readPublished(blocks[1], endOfArticleLine);

  const headlineBlock = requireBlock(blocks[2], "a headline", endOfArticleLine);
  refuseCameraNote(headlineBlock, "the headline");

  const dekBlock = requireBlock(blocks[3], "a standfirst", endOfArticleLine);
  refuseCameraNote(dekBlock, "the standfirst");

  const { leadPhoto, body } = readBody(blocks.slice(4));
  if (!body.some((block) => block.kind === "paragraph")) {
    throw new ArticleFormatError(
      endOfArticleLine,
      "expected at least one body paragraph after the standfirst, found end of file",
    );
  }

  return {
    section: sectionBlock.text,
    published,
    headline: headlineBlock.text,
    dek: dekBlock.text,
    ...(leadPhoto ? { leadPhoto } : {}),
    body,
  };
}

function splitLines(text: string): string[] {
  const withoutBom = text.startsWith("\uFEFF") ? text.slice(1) : text;
  return withoutBom.split(/\r\n|\r|\n/);
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function splitBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    if (isBlank(raw)) {
      current = undefined;
      return;
    }
    const line = raw.trim();
    if (!current) {
      current = { text: line, firstLine: lineNumber, lineStarts: [{ offset: 0, line: lineNumber }] };
      blocks.push(current);
      return;
    }
    current.lineStarts.push({ offset: current.text.length + 1, line: lineNumber });
    current.text += ` ${line}`;
  });

  return blocks;
}

/** Missing pieces are reported on the line just after the story's last text, where they belong. */
function endOfArticleLineNumber(lines: readonly string[]): number {
  const lastTextIndex = lines.findLastIndex((line) => !isBlank(line));
  return lastTextIndex + 2;
}

function lineAt(block: Block, offset: number): number {
  let line = block.firstLine;
  for (const start of block.lineStarts) {
    if (start.offset > offset) break;
    line = start.line;
  }
  return line;
}

function quoted(text: string): string {
  const shown = text.length > QUOTED_TEXT_LIMIT ? `${text.slice(0, QUOTED_TEXT_LIMIT)}…` : text;
  return JSON.stringify(shown);
}

function requireBlock(block: Block | undefined, expected: string, endOfArticleLine: number): Block {
  if (!block) {
    throw new ArticleFormatError(endOfArticleLine, `expected ${expected}, found end of file`);
  }
  return block;
}

function readPublished(block: Block | undefined, endOfArticleLine: number): string {
  if (!block) {
    throw new ArticleFormatError(endOfArticleLine, `expected ${PUBLISHED_FORMAT}, found end of file`);
  }
  const date = PUBLISHED_LINE.exec(block.text)?.[1]?.trim() ?? "";
  const parts = ISO_DATE.exec(date);
  if (!parts) {
    throw new ArticleFormatError(block.firstLine, `expected ${PUBLISHED_FORMAT}, found ${quoted(block.text)}`);
  }
  const [, year, month, day] = parts.map(Number);
  if (!isCalendarDate(year ?? 0, month ?? 0, day ?? 0)) {
    throw new ArticleFormatError(block.firstLine, `${quoted(date)} is not a real calendar date`);
  }
  return date;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

interface CameraNote {
  /** The text before the note: the photo description, or "" when the note stands alone. */
  description: string;
  camera: string;
}

/** Splits `description [taken with CAMERA]`; a block without a note is a plain paragraph. */
function readCameraNote(block: Block): CameraNote | undefined {
  const opening = CAMERA_NOTE_OPENING.exec(block.text);
  if (!opening) return undefined;

  const noteLine = lineAt(block, opening.index);
  const closing = block.text.indexOf("]", opening.index);
  if (closing === -1) {
    throw new ArticleFormatError(
      noteLine,
      `the camera note ${quoted(block.text.slice(opening.index))} is missing its closing "]"`,
    );
  }

  const camera = block.text.slice(opening.index + opening[0].length, closing).trim();
  if (camera === "") {
    throw new ArticleFormatError(noteLine, 'the camera note "[taken with ]" names no camera');
  }

  const after = block.text.slice(closing + 1).trim();
  if (after !== "") {
    throw new ArticleFormatError(
      lineAt(block, closing + 1),
      `a camera note must end its block, found ${quoted(after)} after it`,
    );
  }

  return { description: block.text.slice(0, opening.index).trim(), camera };
}

function refuseCameraNote(block: Block, what: string): void {
  const opening = CAMERA_NOTE_OPENING.exec(block.text);
  if (!opening) return;
  throw new ArticleFormatError(
    lineAt(block, opening.index),
    `${what} cannot carry a camera note; a photo description is a body paragraph after the standfirst`,
  );
}

function readBody(blocks: readonly Block[]): { leadPhoto?: ImportedPhoto; body: ImportedBodyBlock[] } {
  const body: ImportedBodyBlock[] = [];

  for (const block of blocks) {
    const note = readCameraNote(block);
    if (!note) {
      body.push({ kind: "paragraph", text: block.text });
    } else if (note.description !== "") {
      body.push({ kind: "photo", description: note.description, camera: note.camera });
    } else {
      body.push(attachStandaloneNote(body.pop(), note.camera, block.firstLine));
    }
  }

  // The newsroom's rule: the first photo after the standfirst is the lead, wherever it stands;
  // later ones keep their place between paragraphs.
  const leadIndex = body.findIndex((block) => block.kind === "photo");
  const lead = body[leadIndex];
  if (lead?.kind !== "photo") return { body };
  return {
    leadPhoto: { description: lead.description, camera: lead.camera },
    body: body.filter((_, index) => index !== leadIndex),
  };
}

/** A note on its own block names the camera for the paragraph just before it. */
function attachStandaloneNote(
  previous: ImportedBodyBlock | undefined,
  camera: string,
  line: number,
): ImportedInlinePhoto {
  if (!previous) {
    throw new ArticleFormatError(
      line,
      `found a camera note "[taken with ${camera}]" with no photo description before it; ` +
        "the standfirst cannot describe a photo",
    );
  }
  if (previous.kind === "photo") {
    throw new ArticleFormatError(
      line,
      `found a second camera note "[taken with ${camera}]" for a photo that already has one`,
    );
  }
  return { kind: "photo", description: previous.text, camera };
}
