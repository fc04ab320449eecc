import "server-only";
import { LRUCache } from "lru-cache";
import * as React from "react";
import * as ReactDOM from "react-dom";
import * as jsxRuntime from "react/jsx-runtime";
import { articleComponentsFor, type ArticleComponents, type GraphicPhotos } from "./components";

// Compiled MDX exports a plain function of its props, with no hooks: it can be called directly.
type MdxContent = (props: { components: ArticleComponents }) => React.ReactNode;

const evaluatedArticles = new LRUCache<string, MdxContent>({ max: 2_000 });

/**
 * Runs the code compiled at save time with this server's own React, so the
 * article renders inside the server-component tree rather than with a second
 * copy of React loaded by mdx-bundler's client.
 */
function evaluateArticleCode(code: string, sourceHash: string): MdxContent {
  const cached = evaluatedArticles.get(sourceHash);
  if (cached) return cached;
  const scope = { React, ReactDOM, _jsx_runtime: jsxRuntime };
  const run = new Function(...Object.keys(scope), code) as (...args: unknown[]) => {
    default: MdxContent;
  };
  const content = run(...Object.values(scope)).default;
  evaluatedArticles.set(sourceHash, content);
  return content;
}

export function ArticleBody({
  code,
  sourceHash,
  graphicPhotos = {},
}: {
  code: string;
  sourceHash: string;
  /** The story's graphic photos: each Figure showing one puts it behind its warning. */
  graphicPhotos?: GraphicPhotos;
}) {
  const renderContent = evaluateArticleCode(code, sourceHash);
  return renderContent({ components: articleComponentsFor(graphicPhotos) });
}
