import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { findFrontMatter, findParseHazard, findUnsafeConstructs, type MdxIssue } from "./safety";

/** An article that cannot be published as written, with every problem and where it is. */
export class MdxCompileError extends Error {
  constructor(readonly issues: MdxIssue[]) {
    super(issues.map((issue) => `${issue.line}:${issue.column}: ${issue.message}`).join("\n"));
    this.name = "MdxCompileError";
  }
}

// Parsed exactly as mdx-bundler parses in the compiler process, so what the page shows is what was read here.
const markdown = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/**
 * The one place the server reads MDX into a tree: at save (and when the start-up step rebuilds an
 * old row's model), never on a reader's request. Throws the parser's own error on text that does
 * not parse; it does not judge safety (see readCheckedArticle).
 */
export function readMdx(source: string): Root {
  return markdown.parse(source) as Root;
}

function parsed(source: string): Root {
  try {
    return readMdx(source);
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    throw new MdxCompileError([
      {
        line: place.line ?? 1,
        column: place.column ?? 1,
        message: place.reason ?? place.message ?? "The article could not be read.",
      },
    ]);
  }
}

/**
 * The article's tree once it has passed every safety check: text that would trap the parser
 * and front matter are refused unread, then every construct outside the allow-list. Everything
 * built from an article at save is built from this tree, so nothing sees text the guard refused.
 */
export function readCheckedArticle(source: string): Root {
  const hazard = findParseHazard(source) ?? findFrontMatter(source);
  if (hazard) throw new MdxCompileError([hazard]);
  const tree = parsed(source);
  const issues = findUnsafeConstructs(tree);
  if (issues.length > 0) throw new MdxCompileError(issues);
  return tree;
}
