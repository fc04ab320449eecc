import "server-only";
import { createHash } from "node:crypto";
import { buildArticleModel, type ArticleModel } from "./article-model";
import { compileInIsolation } from "./isolated-compiler/compiler-process";
import { MAX_ARTICLE_SOURCE_LENGTH } from "./limits";
import { MdxCompileError } from "./parse-article";

export { MAX_ARTICLE_SOURCE_LENGTH, MdxCompileError };

/** The compiled code and the model beside it: always stored together (db/article-models.ts). */
export type CompiledArticle = ArticleModel & {
  code: string;
  sourceHash: string;
};

export function hashArticleSource(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}

/**
 * Check and compile an article's MDX once, when it is saved or seeded; readers only ever read
 * the stored result. The text is checked and parsed here, once, and the model (plain text, the
 * photos it shows, its feed HTML) is built from that checked tree: reading a tree runs none of
 * the story's text, so it needs no isolation. Only the compile to code, which makes JavaScript,
 * runs in a process of its own where no secret is in reach (isolated-compiler/), checked again there.
 */
export async function compileArticle(source: string): Promise<CompiledArticle> {
  const model = buildArticleModel(source);
  const compiled = await compileInIsolation(source);
  if (compiled.status === "refused") throw new MdxCompileError([compiled.issue]);
  return { code: compiled.code, sourceHash: hashArticleSource(source), ...model };
}
