import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { hostileBytes, hostileMdx, type HostileMdx } from "@/test/fixtures/hostile-mdx";
import { findActiveContent, readableContent } from "@/test/html-inertness";
import { decodeArticleBytes } from "@/lib/article-import/decode-article";
import { ArticleFormatError } from "@/lib/article-import/parse-article";
import { compileArticle, MdxCompileError } from "./compile";
import { buildArticleModel } from "./article-model";
import { feedItemHtml } from "./feed-html";
import { ArticleBody } from "./render";

const SITE = "https://meridian.example";

type Rejected = Extract<HostileMdx, { expected: "rejected" }>;
type Inert = Extract<HostileMdx, { expected: "inert" }>;

// Named tuples, so each test reads as a whole sentence (an object's name would be cut short).
const rejected = hostileMdx
  .filter((entry): entry is Rejected => entry.expected === "rejected")
  .map((entry) => [entry.name, entry] as const);
const inert = hostileMdx
  .filter((entry): entry is Inert => entry.expected === "inert")
  .map((entry) => [entry.name, entry] as const);
const badBytes = hostileBytes.map((entry) => [entry.name, entry] as const);

/** The compile error, timed; anything else thrown (a RangeError, esbuild failing) fails the test as it would fail a save. */
async function rejection(source: string): Promise<{ error: MdxCompileError; elapsedMs: number }> {
  const started = performance.now();
  try {
    await compileArticle(source);
  } catch (error) {
    if (error instanceof MdxCompileError) return { error, elapsedMs: performance.now() - started };
    throw error;
  }
  throw new Error("Expected the article to be rejected");
}

async function pageHtml(source: string): Promise<string> {
  const compiled = await compileArticle(source);
  return renderToStaticMarkup(createElement(ArticleBody, { code: compiled.code, sourceHash: compiled.sourceHash }));
}

describe("the hostile MDX corpus", () => {
  it("holds at least 40 named bodies, each with a unique name", () => {
    expect(hostileMdx.length).toBeGreaterThanOrEqual(40);
    expect(new Set(hostileMdx.map((entry) => entry.name)).size).toBe(hostileMdx.length);
  });

  it.each(rejected)("refuses %s, naming the line and column", async (_name, { body, because, refusedWithinMs }) => {
    const { error, elapsedMs } = await rejection(body);
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(Number.isInteger(issue.line) && issue.line >= 1, `line ${issue.line}`).toBe(true);
      expect(Number.isInteger(issue.column) && issue.column >= 1, `column ${issue.column}`).toBe(true);
    }
    expect(error.issues[0]?.message).toMatch(because);
    expect(error.message).toContain(`${error.issues[0]?.line}:${error.issues[0]?.column}: `);
    if (refusedWithinMs !== undefined) expect(elapsedMs).toBeLessThan(refusedWithinMs);
  });

  it.each(rejected)("keeps %s out of the feeds too, should one ever be stored", (_name, { body }) => {
    expect(() => buildArticleModel(body)).toThrow();
  });

  it.each(inert)("renders %s as harmless text on the page and in the feeds", async (_name, { body, readsAs = [] }) => {
    const outputs = { page: await pageHtml(body), feed: feedItemHtml(buildArticleModel(body).feedBody, SITE) };
    for (const [where, html] of Object.entries(outputs)) {
      expect(findActiveContent(html, { siteOrigin: SITE }), `${where}: ${html}`).toEqual([]);
      for (const text of readsAs) expect(readableContent(html), `${where}: ${html}`).toContain(text);
    }
  });

  it.each(badBytes)("refuses %s at the importer, naming the line and the byte", (_name, { bytes, line }) => {
    let refusal: unknown;
    try {
      decodeArticleBytes(bytes);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ArticleFormatError);
    expect((refusal as ArticleFormatError).line).toBe(line);
    expect((refusal as ArticleFormatError).reason).toMatch(/not valid UTF-8 \(byte 0x[0-9A-F]{2} at offset \d+\)/);
  });
});

describe("the inertness check the corpus relies on", () => {
  const live: Array<[string, string]> = [
    ["a script element", "<p>Hi</p><script>alert(1)</script>"],
    ["a script element in upper case", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>"],
    ["an unquoted onerror handler", "<img src=x onerror=alert(1)>"],
    ["a handler after a slash", '<svg/onload="alert(1)">'],
    ["a javascript: link with an entity tab in its scheme", '<a href="jav&#x09;ascript:alert(1)">x</a>'],
    ["a javascript: link with a decimal entity and no semicolon", '<a href="&#106avascript:alert(1)">x</a>'],
    ["a data: image", '<img src="data:image/svg+xml,<svg onload=alert(1)>">'],
    ["an iframe", '<iframe src="https://evil.example/"></iframe>'],
    ["an image from another site", '<img src="https://tracker.example/p.gif">'],
    ["a protocol-relative image hidden by a tab", '<img src="/\t/evil.example/p.gif">'],
    [
      "JSON-LD that a headline has closed early",
      '<script type="application/ld+json">{"headline":"</script><script>alert(1)</script>"}</script>',
    ],
  ];
  it.each(live)("notices %s", (_name, html) => {
    expect(findActiveContent(html, { siteOrigin: SITE, allowJsonLd: true })).not.toEqual([]);
  });

  const harmless: Array<[string, string]> = [
    ["markup escaped as text", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"],
    ["markup inside a quoted attribute", '<img src="/a.png" alt="<script>alert(1)</script> onerror=alert(1)">'],
    ["a site photo by its absolute address", `<img src="${SITE}/media/x/960" alt="">`],
    ["whole JSON-LD with its < escaped", '<script type="application/ld+json">{"headline":"\\u003c/script>"}</script>'],
  ];
  it.each(harmless)("lets %s through", (_name, html) => {
    expect(findActiveContent(html, { siteOrigin: SITE, allowJsonLd: true })).toEqual([]);
  });
});
