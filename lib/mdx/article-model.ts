import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { feedBodyFromTree, type FeedBody } from "./feed-html";
import { readCheckedArticle } from "./parse-article";
import { photoReferencesIn } from "./photo-references";

/**
 * Which rules built a stored model. Raise it whenever what is derived from a body changes (the
 * plain text, the feed HTML, which photos count): at start-up every row built with an older
 * number is rebuilt (db/article-models.ts).
 */
export const ARTICLE_MODEL_VERSION = 1;

/** What readers' pages, feeds and the photo route need from a body, built once when it is saved. */
export type ArticleModel = {
  /** Each block's words, in order: for search, excerpts and the reading time. */
  plainText: string;
  wordCount: number;
  /** The library photos the body's Figures show, in order, once each (the lead is the row's own). */
  photoIds: string[];
  feedBody: FeedBody;
  modelVersion: number;
};

function blockText(node: RootContent): string {
  if (node.type === "mdxJsxFlowElement" && node.name === "Figure") {
    const caption = node.attributes.find(
      (attribute) => attribute.type === "mdxJsxAttribute" && attribute.name === "caption",
    );
    return typeof caption?.value === "string" ? caption.value : "";
  }
  return toString(node, { includeImageAlt: true });
}

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

/** Everything a reader's request needs from a body, from the one tree the safety check passed. */
export function articleModelFromTree(tree: Root): ArticleModel {
  const plainText = extractPlainText(tree);
  return {
    plainText,
    wordCount: countWords(plainText),
    photoIds: photoReferencesIn(tree),
    feedBody: feedBodyFromTree(tree),
    modelVersion: ARTICLE_MODEL_VERSION,
  };
}

/**
 * A body's model, for a row whose code is already compiled (the start-up rebuild): the same
 * checks and the same parse as a save, without the compiler. Throws MdxCompileError on a body
 * that would not pass the safety check today.
 */
export function buildArticleModel(source: string): ArticleModel {
  return articleModelFromTree(readCheckedArticle(source));
}
