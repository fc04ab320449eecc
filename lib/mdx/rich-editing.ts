import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Node, Parent } from "unist";
import { visit } from "unist-util-visit";
import { readMdx } from "./parse-article";
import { findFrontMatter, findParseHazard, findUnsafeConstructs } from "./safety";

/**
 * What the staff's rich editor shows as what it is. Anything else would open blank, or be escaped
 * into different text on the next save, so a body holding it opens as source instead.
 */
const REPRESENTABLE = new Set([
  "root",
  "paragraph",
  "text",
  "strong",
  "emphasis",
  "delete",
  "inlineCode",
  "break",
  "link",
  "heading",
  "blockquote",
  "list",
  "listItem",
  "table",
  "tableRow",
  "tableCell",
  "thematicBreak",
  "footnoteReference",
  "footnoteDefinition",
  "mdxJsxFlowElement",
]);

/** Names, in a writer's words, for what the rich editor cannot show. */
const DESCRIBED: Record<string, string> = {
  image: "an image written in Markdown rather than as a photo",
  definition: "a link written as a reference ([text][name])",
  linkReference: "a link written as a reference ([text][name])",
  mdxJsxTextElement: "a component inside a line of text",
};

/**
 * `<PullQuote by="…">Words</PullQuote>` on one line is, to MDX, a component inside a paragraph; the
 * editor shows it as the block it is, as long as nothing else shares its line.
 */
function standsAlone(node: Node, parent: Parent | undefined): boolean {
  if (node.type !== "mdxJsxTextElement" || parent?.type !== "paragraph") return false;
  return parent.children.every((child) => child === node || (child.type === "text" && !toString(child).trim()));
}

/**
 * Why a body must open as source rather than in the rich editor, or null when the rich editor can
 * show all of it: text the guard refuses (so its problems keep their lines and columns), or a
 * construct the editor has no form for. A body that does not parse at all is refused by the guard.
 */
export function richEditingObstacle(source: string): string | null {
  if (findParseHazard(source) ?? findFrontMatter(source)) return "it has problems to fix first, listed below";
  let tree: Root;
  try {
    tree = readMdx(source);
  } catch {
    return "it has problems to fix first, listed below";
  }
  if (findUnsafeConstructs(tree).length > 0) return "it has problems to fix first, listed below";
  let obstacle: string | null = null;
  visit(tree, (node: Node, _index, parent: Parent | undefined) => {
    if (obstacle || REPRESENTABLE.has(node.type) || standsAlone(node, parent)) return;
    obstacle = `it holds ${DESCRIBED[node.type] ?? `something the rich editor cannot show (${node.type})`}`;
  });
  return obstacle;
}
