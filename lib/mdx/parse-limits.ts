import type { Root } from "mdast";
import type { Node, Parent } from "unist";
import {
  MAX_ARTICLE_SOURCE_LENGTH,
  MAX_CLOSING_MARKS_PER_PARAGRAPH,
  MAX_NESTING_DEPTH,
  MAX_TABLE_CELLS,
} from "./limits";

type Place = { line: number; column: number; message: string };

const NESTING_MESSAGE =
  `Quotes, lists, asides, emphasis and links sit more than ${MAX_NESTING_DEPTH} levels inside one another here; ` +
  "flatten them.";
const count = (value: number) => value.toLocaleString("en-GB");

const lengthMessage = (length: number) =>
  `The article is ${count(length)} characters long; the limit is ${count(MAX_ARTICLE_SOURCE_LENGTH)}. ` +
  "Split it into several stories.";

const TABLE_CELLS_MESSAGE =
  `The tables in this story hold more than ${count(MAX_TABLE_CELLS)} cells between them, too many to prepare ` +
  "quickly; shorten them, or link to the full data instead.";

const CLOSING_MARKS_MESSAGE =
  `This paragraph holds more than ${MAX_CLOSING_MARKS_PER_PARAGRAPH} closing emphasis marks and brackets ` +
  "(*, _, ~ and ]); split it into shorter paragraphs.";

// Nodes that only arrange what they hold: a writer would not count them as a level.
const ARRANGING = new Set(["root", "paragraph", "heading", "listItem", "table", "tableRow", "tableCell"]);

/**
 * The first element nested deeper than the limit, walked without recursion so that
 * no depth can overflow the stack. Runs before any recursive walk of the tree.
 */
export function findExcessiveNesting(tree: Root): Place | null {
  const pending: Array<[Node, number]> = [[tree, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    const children = (node as Partial<Parent>).children;
    if (!children) continue;
    const level = ARRANGING.has(node.type) ? depth : depth + 1;
    if (level > MAX_NESTING_DEPTH) {
      return {
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
        message: NESTING_MESSAGE,
      };
    }
    for (let index = children.length - 1; index >= 0; index -= 1) pending.push([children[index]!, level]);
  }
  return null;
}

type CharacterClass = "space" | "punctuation" | "other";

function classify(character: string | undefined): CharacterClass {
  if (character === undefined || /\s/u.test(character)) return "space";
  return /[\p{P}\p{S}]/u.test(character) ? "punctuation" : "other";
}

const THEMATIC_BREAK = /^[ \t>]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_MARKER = /^(?:[-+*]|(\d{1,9})[.)])(?=[ \t]|$)/;
// MDX turns indented code off, so a fence may start at any indentation; a backtick fence's info has no backtick.
const FENCE = /^[ \t]*(?:(`{3,})[^`]*|(~{3,}).*)$/;

type Fence = { marker: string; quotes: number; indent: number };
type Tag = { closing: boolean; quote: string | null; braces: number; last: string };

/** The "> > " quote markers a line starts with, and where its content begins. */
function quotePrefix(line: string): { quotes: number; end: number } {
  let quotes = 0;
  let end = 0;
  for (;;) {
    let at = end;
    while (line[at] === " " || line[at] === "\t") at += 1;
    if (line[at] !== ">") return { quotes, end };
    quotes += 1;
    end = at + 1;
  }
}

const leadingSpace = (text: string) => text.length - text.trimStart().length;

const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;

/** How many columns a table's delimiter row ("| --- | :-: |") sets; 0 when the line is not one. */
function delimiterRowColumns(text: string): number {
  let row = text.trim();
  if (!/^[-|: \t]+$/.test(row)) return 0;
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|")) row = row.slice(0, -1);
  const cells = row.split("|");
  return cells.every((cell) => DELIMITER_CELL.test(cell)) ? cells.length : 0;
}

const pipesIn = (text: string) => text.split("|").length - 1;

/**
 * What would make the markdown parser slow or overflow its stack, found in linear
 * time before parsing: a source over the length limit; nesting, whose cost grows
 * with the square of the depth (ten thousand nested emphasis marks took over a
 * minute, deep quotes and lists overflow the stack); a paragraph crowded with
 * closing marks, whose cost grows with the square of their number; and table cells,
 * each as costly as a sentence. The counts err high (every opener of emphasis counts
 * until a closer of the same mark, code fences end at the first line that might end
 * them, a paragraph or a table ends only where it surely does), and the exact depth
 * check on the parsed tree has the last word.
 */
export function findParseHazard(source: string): Place | null {
  if (source.length > MAX_ARTICLE_SOURCE_LENGTH) return { line: 1, column: 1, message: lengthMessage(source.length) };
  const lines = source.split(/\r\n|\r|\n/);
  let fence: Fence | null = null;
  let tag: Tag | null = null;
  let jsxDepth = 0;
  let braces = 0;
  let parentheses = 0;
  let brackets = 0;
  const emphasis: Record<string, number> = { "*": 0, _: 0, "~": 0 };
  let closingMarks = 0;
  let orderedItems = false;
  let previousText = "";
  let tableColumns = 0;
  let tableCells = 0;

  for (const [lineIndex, line] of lines.entries()) {
    const place = (index: number, message = NESTING_MESSAGE): Place => ({
      line: lineIndex + 1,
      column: index + 1,
      message,
    });
    const closes = (index: number) =>
      ++closingMarks > MAX_CLOSING_MARKS_PER_PARAGRAPH ? place(index, CLOSING_MARKS_MESSAGE) : null;
    const tooDeep = (containers: number) =>
      containers +
        jsxDepth +
        braces +
        parentheses +
        brackets +
        emphasis["*"]! +
        emphasis._! +
        emphasis["~"]! +
        (tag?.braces ?? 0) >
      MAX_NESTING_DEPTH;
    const inFlow = tag === null && braces === 0;
    const quotes = quotePrefix(line);

    if (fence !== null) {
      const body = line.slice(quotes.end);
      // Code ends with its closing fence, or with the quote or list item that holds it.
      const leavesContainer = body.trim() !== "" && (quotes.quotes < fence.quotes || leadingSpace(body) < fence.indent);
      if (!leavesContainer) {
        const closing = FENCE.exec(body);
        const run = closing?.[1] ?? closing?.[2];
        if (run && run[0] === fence.marker[0] && run.length >= fence.marker.length && body.trim() === run) fence = null;
        continue;
      }
      fence = null;
    }

    if (inFlow) {
      const text = line.slice(quotes.end);
      if (text.trim() === "") {
        // A blank line ends a paragraph and a table, and emphasis and links never cross one.
        brackets = 0;
        parentheses = 0;
        emphasis["*"] = emphasis._ = emphasis["~"] = 0;
        closingMarks = 0;
        previousText = "";
        tableColumns = 0;
        continue;
      }
      // A row holds as many cells as the table has columns, or more where it has more pipes.
      if (tableColumns > 0) {
        tableCells += Math.max(tableColumns, pipesIn(text) - 1);
      } else if (previousText !== "" && (text.includes("|") || previousText.includes("|"))) {
        tableColumns = delimiterRowColumns(text);
        tableCells += tableColumns;
      }
      if (tableCells > MAX_TABLE_CELLS) return place(quotes.end + leadingSpace(text), TABLE_CELLS_MESSAGE);
      previousText = text;
      if (THEMATIC_BREAK.test(line)) continue;
    }

    // Quotes and list items opened on this line: "> > - - 1. text".
    let start = 0;
    let containers = 0;
    if (inFlow) {
      let newItem = false;
      let orderedItem = false;
      for (;;) {
        let at = start;
        while (line[at] === " " || line[at] === "\t") at += 1;
        const listMarker = line[at] === ">" ? undefined : LIST_MARKER.exec(line.slice(at, at + 11));
        const marker = line[at] === ">" ? ">" : listMarker?.[0];
        if (marker === undefined) break;
        // A bullet always starts a new item, so a new paragraph; "2." only continues a list.
        const number = listMarker?.[1];
        if (listMarker && (number === undefined || Number(number) === 1 || orderedItems)) newItem = true;
        if (number !== undefined) orderedItem = true;
        containers += 1;
        start = at + marker.length;
        if (tooDeep(containers)) return place(at);
      }
      orderedItems = newItem && orderedItem;
      if (newItem && line.slice(start).trim() !== "") closingMarks = 0;
      const opening = FENCE.exec(line.slice(start));
      const run = opening?.[1] ?? opening?.[2];
      if (run) {
        fence = { marker: run, quotes: quotes.quotes, indent: line.indexOf(run, start) - quotes.end };
        continue;
      }
    }

    for (let index = start; index < line.length; index += 1) {
      const character = line[index]!;
      if (tag !== null) {
        if (tag.quote !== null) {
          if (character === tag.quote) tag.quote = null;
        } else if (tag.braces > 0) {
          if (character === "{") tag.braces += 1;
          else if (character === "}") tag.braces -= 1;
        } else if (character === '"' || character === "'") {
          tag.quote = character;
        } else if (character === "{") {
          tag.braces += 1;
        } else if (character === ">") {
          if (tag.closing) jsxDepth = Math.max(0, jsxDepth - 1);
          else if (tag.last !== "/") jsxDepth += 1;
          tag = null;
        }
        if (tag !== null && !/\s/.test(character)) tag.last = character;
        if (tooDeep(containers)) return place(index);
        continue;
      }
      switch (character) {
        case "\\":
          index += 1;
          break;
        case "`": {
          // A code span: everything up to the next run of exactly as many backticks is text.
          let length = 1;
          while (line[index + length] === "`") length += 1;
          const run = "`".repeat(length);
          let end = line.indexOf(run, index + length);
          while (end !== -1 && line[end + length] === "`") {
            let skip = end;
            while (line[skip] === "`") skip += 1;
            end = line.indexOf(run, skip);
          }
          index = end === -1 ? index + length - 1 : end + length - 1;
          break;
        }
        case "<": {
          const next = line[index + 1];
          if (next !== undefined && /[A-Za-z$_/>]/.test(next)) {
            tag = { closing: next === "/", quote: null, braces: 0, last: "<" };
          }
          break;
        }
        case "{":
          braces += 1;
          break;
        case "}":
          braces = Math.max(0, braces - 1);
          break;
        case "(":
          if (braces > 0) parentheses += 1;
          break;
        case ")":
          if (braces > 0) parentheses = Math.max(0, parentheses - 1);
          break;
        case "[":
          brackets += 1;
          break;
        case "]": {
          brackets = Math.max(0, brackets - 1);
          const tooMany = closes(index);
          if (tooMany) return tooMany;
          if (line[index + 1] === "(" && braces === 0) {
            // A link's address is not text: skip to its closing parenthesis.
            let depth = 0;
            let end = index + 1;
            for (; end < line.length; end += 1) {
              if (line[end] === "\\") end += 1;
              else if (line[end] === "(") depth += 1;
              else if (line[end] === ")" && --depth === 0) break;
            }
            index = Math.min(end, line.length);
          }
          break;
        }
        case "*":
        case "_":
        case "~": {
          let length = 1;
          while (line[index + length] === character) length += 1;
          const before = classify(line[index - 1]);
          const after = classify(line[index + length]);
          const canOpen = after !== "space" && (after !== "punctuation" || before !== "other");
          const canClose = before !== "space" && (before !== "punctuation" || after !== "other");
          const intraword = character === "_" && before === "other" && after === "other";
          const open = emphasis[character]!;
          if (canClose && !intraword) {
            const tooMany = closes(index);
            if (tooMany) return tooMany;
          }
          // A run that may do both ("2*3*4") closes what is open, as the parser would, and opens otherwise.
          if (canClose && !intraword && (!canOpen || open > 0)) emphasis[character] = Math.max(0, open - length);
          else if (canOpen && !intraword) emphasis[character] = open + length;
          index += length - 1;
          break;
        }
      }
      if (tooDeep(containers)) return place(index);
    }
  }
  return null;
}
