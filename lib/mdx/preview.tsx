import "server-only";
import type { ReactNode } from "react";
import { compileArticle, MdxCompileError } from "./compile";
import { ArticleBody } from "./render";
import type { MdxIssue } from "./safety";

export type ArticlePreview =
  { status: "ok"; body: ReactNode; wordCount: number } | { status: "invalid"; issues: MdxIssue[] };

/** The editor's preview: the same checks, compiler and components as the published page. */
export async function renderArticlePreview(source: string): Promise<ArticlePreview> {
  try {
    const compiled = await compileArticle(source);
    return {
      status: "ok",
      body: <ArticleBody code={compiled.code} sourceHash={compiled.sourceHash} />,
      wordCount: compiled.wordCount,
    };
  } catch (error) {
    if (error instanceof MdxCompileError) return { status: "invalid", issues: error.issues };
    throw error;
  }
}
