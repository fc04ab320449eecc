import "server-only";
import { createHash } from "node:crypto";
import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { compileInIsolation } from "./isolated-compiler/compiler-process";
import { MAX_ARTICLE_SOURCE_LENGTH } from "./limits";
import { findFrontMatter, findParseHazard, findUnsafeConstructs, type MdxIssue } from "./safety";

export { MAX_ARTICLE_SOURCE_LENGTH };

export type CompiledArticle = {
  code: string;
  sourceHash: string;
  plainText: string;
  wordCount: number;
};

/** An article that cannot be published as written, with every problem and where it is. */
export class MdxCompileError extends Error {
  constructor(readonly issues: MdxIssue[]) {
    super(issues.map((issue) => `${issue.line}:${issue.column}: ${issue.message}`).join("\n"));
    this.name = "MdxCompileError";
  }
}

export function hashArticleSource(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}

function parseArticle(source: string): Root {
  try {
    return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(source) as Root;
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

function blockText(node: RootContent): string {
  if (node.type === "mdxJsxFlowElement" && node.name === "Figure") {
    const caption = node.attributes.find(
      (attribute) => attribute.type === "mdxJsxAttribute" && attribute.name === "caption",
    );
    return typeof caption?.value === "string" ? caption.value : "";
  }
  return toString(node, { includeImageAlt: true });
}

/** Plain text for search, excerpts and feeds: each block's words, in order. */
function extractPlainText(tree: Root): string {
  return tree.children
    .map(blockText)
    .map((text) => text.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Check and compile an article's MDX once, when it is saved or seeded; readers
 * only ever evaluate the stored result. The text is checked here, then compiled
 * in a process of its own where no secret is in reach (isolated-compiler/).
 */
export async function compileArticle(source: string): Promise<CompiledArticle> {
  const hazard = findParseHazard(source) ?? findFrontMatter(source);
  if (hazard) throw new MdxCompileError([hazard]);
  const tree = parseArticle(source);
  const issues = findUnsafeConstructs(tree);
  if (issues.length > 0) throw new MdxCompileError(issues);

  const compiled = await compileInIsolation(source);
  if (compiled.status === "refused") throw new MdxCompileError([compiled.issue]);
  const plainText = extractPlainText(tree);
  return { code: compiled.code, sourceHash: hashArticleSource(source), plainText, wordCount: countWords(plainText) };
}
