import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ContentError, loadNewsroomContent } from "@/lib/content/load";
import { parseArticle } from "@/lib/article-import/parse-article";
import { articleToMdx } from "@/lib/article-import/article-to-mdx";
import { frontMatterProbes } from "@/test/fixtures/front-matter-probes";
import { buildArticleModel } from "./article-model";
import { compileArticle, MdxCompileError } from "./compile";
import { feedItemHtml } from "./feed-html";
import { ArticleBody } from "./render";

const workspace = mkdtempSync(path.join(os.tmpdir(), "front-matter-probes-"));
const marker = path.join(workspace, "owned.txt");
const probes = frontMatterProbes(marker).map((probe) => [probe.name, probe] as const);

afterEach(() => rmSync(marker, { force: true }));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** Saved and shown, or refused: either way, judged afterwards by whether the marker file exists. */
async function compileAndShow(body: string): Promise<"refused" | "shown"> {
  try {
    const compiled = await compileArticle(body);
    renderToStaticMarkup(createElement(ArticleBody, { code: compiled.code, sourceHash: compiled.sourceHash }));
    feedItemHtml(compiled.feedBody, "https://meridian.example");
    return "shown";
  } catch (error) {
    if (error instanceof MdxCompileError) return "refused";
    throw error;
  }
}

describe("front matter in a story's text", () => {
  it("is a live attack: gray-matter's defaults run a ---js block, so each probe below would write its marker", () => {
    matter(frontMatterProbes(marker)[0]!.body);
    expect(existsSync(marker)).toBe(true);
  });

  it.each(probes)("runs nothing from %s, whether it is refused or compiled and shown", async (_name, probe) => {
    await compileAndShow(probe.body);
    expect(existsSync(marker)).toBe(false);
  });

  it.each(probes)("runs nothing from %s when the start-up rebuild builds its stored model", (_name, probe) => {
    try {
      feedItemHtml(buildArticleModel(probe.body).feedBody, "https://meridian.example");
    } catch (error) {
      if (!(error instanceof MdxCompileError)) throw error;
    }
    expect(existsSync(marker)).toBe(false);
  });

  it.each(probes.filter(([, probe]) => probe.body.replace(/^\uFEFF/, "").startsWith("---")))(
    "refuses %s at line 1, column 1, saying why",
    async (_name, probe) => {
      await expect(compileArticle(probe.body)).rejects.toMatchObject({
        issues: [{ line: 1, column: 1, message: expect.stringMatching(/cannot begin with a --- line/) }],
      });
    },
  );

  it("still compiles a story with a --- rule between paragraphs", async () => {
    expect(await compileAndShow("Before the break.\n\n---\n\nAfter the break.\n")).toBe("shown");
  });
});

describe("front matter in content/ files (npm run db:seed)", () => {
  function contentFolder(files: Record<string, string>): string {
    const folder = mkdtempSync(path.join(workspace, "content-"));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
    return folder;
  }

  const yamlFrontMatter =
    "---\nheadline: A headline\ndek: A standfirst.\nsection: World\nauthor: Ada\npublished: '2024-01-01'\n---\n";

  it("refuses a file whose front matter is JavaScript, naming the file, and runs nothing", async () => {
    const [, probe] = probes[0]!;
    const folder = contentFolder({ "owned.mdx": probe.body });
    await expect(loadNewsroomContent(folder)).rejects.toThrow(ContentError);
    await expect(loadNewsroomContent(folder)).rejects.toThrow(/owned\.mdx: front matter must be YAML/);
    expect(existsSync(marker)).toBe(false);
  });

  it.each(probes)("runs nothing from %s placed after a file's own YAML front matter", async (_name, probe) => {
    const folder = contentFolder({ "story.mdx": yamlFrontMatter + probe.body });
    const content = await loadNewsroomContent(folder).catch((error: unknown) => error);
    if (!(content instanceof ContentError)) {
      for (const article of (content as Awaited<ReturnType<typeof loadNewsroomContent>>).articles)
        await compileAndShow(article.body);
    }
    expect(existsSync(marker)).toBe(false);
  });
});

describe("front matter in a plain-text story (npm run import)", () => {
  it.each(probes)(
    "runs nothing from %s written as the story's paragraphs, through import, loading and compiling",
    async (_name, probe) => {
      const paragraphs = probe.body
        .replace(/^\uFEFF/, "")
        .replace(/\r/g, "")
        .trim();
      const importedArticle = parseArticle(
        `World\n\npublished : 2024-01-01\n\nA headline\n\nA standfirst.\n\n${paragraphs}\n`,
      );
      const { mdx } = articleToMdx(importedArticle, { author: "Ada", tags: [] });
      const folder = mkdtempSync(path.join(workspace, "import-"));
      writeFileSync(path.join(folder, "imported.mdx"), mdx);
      const [article] = (await loadNewsroomContent(folder)).articles;
      expect(await compileAndShow(article!.body)).toBe("shown");
      expect(existsSync(marker)).toBe(false);
    },
  );
});
