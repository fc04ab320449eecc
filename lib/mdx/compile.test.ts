import { describe, expect, it } from "vitest";
import { ARTICLE_MODEL_VERSION } from "./article-model";
import { compileArticle, MAX_ARTICLE_SOURCE_LENGTH, MdxCompileError } from "./compile";

async function rejection(source: string): Promise<MdxCompileError> {
  try {
    await compileArticle(source);
  } catch (error) {
    if (error instanceof MdxCompileError) return error;
    throw error;
  }
  throw new Error(`Expected the article to be rejected:\n${source}`);
}

describe("compiling an article", () => {
  it("stores plain text, a word count and a hash of the source", async () => {
    const compiled = await compileArticle(
      'First paragraph here.\n\n<Figure caption="Soldiers at dawn" camera="Canon EOS R5" />\n\nSecond one.',
    );
    expect(compiled.plainText).toBe("First paragraph here.\n\nSoldiers at dawn\n\nSecond one.");
    expect(compiled.wordCount).toBe(8);
    expect(compiled.sourceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(compiled.code).toContain("Soldiers at dawn");
  });

  it("builds the article model beside the code: the photos the body shows, once each, and its feed HTML", async () => {
    const photo = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    const compiled = await compileArticle(
      `<Figure photo="${photo.toUpperCase()}" caption="Boats" />\n\nText.\n\n<Figure photo="${photo}" caption="Boats again" />`,
    );
    expect(compiled.photoIds).toEqual([photo]);
    expect(compiled.modelVersion).toBe(ARTICLE_MODEL_VERSION);
    expect(compiled.feedBody.join("")).toContain("<p>Text.</p>");
  });

  it("gives the same hash for the same source and a different one after an edit", async () => {
    const a = await compileArticle("Text.");
    const b = await compileArticle("Text.");
    const c = await compileArticle("Text!");
    expect(a.sourceHash).toBe(b.sourceHash);
    expect(c.sourceHash).not.toBe(a.sourceHash);
  });
});

describe("the MDX safety rules", () => {
  const rejected: Array<[string, string, { line: number; column: number }, RegExp]> = [
    ["an import", "Intro.\n\nimport fs from 'fs'", { line: 3, column: 1 }, /import and export/],
    ["an export", "export const x = (() => 1)()\n\nText.", { line: 1, column: 1 }, /import and export/],
    ["an inline expression", "Home is {process.env.HOME}.", { line: 1, column: 9 }, /Curly braces/],
    [
      "a block expression",
      "Text.\n\n{globalThis.fetch('https://evil.example')}",
      { line: 3, column: 1 },
      /Curly braces/,
    ],
    ["an MDX comment, which is an expression", "{/* note */}", { line: 1, column: 1 }, /Curly braces/],
    ["a script element", "<script>alert(1)</script>", { line: 1, column: 1 }, /<script> is not allowed/],
    ["an iframe", 'Text.\n\n<iframe src="https://evil.example" />', { line: 3, column: 1 }, /<iframe> is not allowed/],
    [
      "an inline HTML element",
      'Click <a href="https://x.example">here</a>.',
      { line: 1, column: 7 },
      /<a> is not allowed/,
    ],
    [
      "a component outside the allow-list",
      '<Embed url="https://x.example" />',
      { line: 1, column: 1 },
      /<Embed> is not allowed/,
    ],
    [
      "a lower-case lookalike of an allowed component",
      "<figure>x</figure>",
      { line: 1, column: 1 },
      /<figure> is not allowed/,
    ],
    ["a fragment", "<>text</>", { line: 1, column: 1 }, /Fragments/],
    ["an attribute expression", "<Figure caption={document.cookie} />", { line: 1, column: 1 }, /plain text in quotes/],
    ["a spread attribute", '<Figure caption="x" {...props} />', { line: 1, column: 1 }, /spread/],
    [
      "an event handler attribute",
      '<Figure caption="x" onClick="alert(1)" />',
      { line: 1, column: 1 },
      /no "onClick" attribute/,
    ],
    ["a style attribute", '<Aside style="position:fixed">x</Aside>', { line: 1, column: 1 }, /no "style" attribute/],
    ["a figure with no caption", '<Figure camera="Nikon D850" />', { line: 1, column: 1 }, /needs a caption/],
    ["a javascript: link", "[click](javascript:alert(1))", { line: 1, column: 1 }, /Links may only/],
    [
      "a mixed-case javascript: link with an entity tab",
      "[click](JaVa&#x09;ScRiPt:alert(1))",
      { line: 1, column: 1 },
      /Links may only/,
    ],
    ["a vbscript: link", "[click](vbscript:msgbox)", { line: 1, column: 1 }, /Links may only/],
    ["a data: link", "[click](data:text/html;base64,PHNjcmlwdD4=)", { line: 1, column: 1 }, /Links may only/],
    [
      "a javascript: reference definition",
      "[click][x]\n\n[x]: javascript:alert(1)",
      { line: 3, column: 1 },
      /Links may only/,
    ],
    [
      "an image from a foreign host",
      "![pixel](https://tracker.example/p.gif)",
      { line: 1, column: 1 },
      /Images must come from this site/,
    ],
    [
      "a data: image",
      "![x](data:image/svg+xml;base64,PHN2Zz4=)",
      { line: 1, column: 1 },
      /Images must come from this site/,
    ],
    [
      "a protocol-relative image",
      "![x](//tracker.example/p.gif)",
      { line: 1, column: 1 },
      /Images must come from this site/,
    ],
  ];

  it.each(rejected)("rejects %s with its line and column", async (_name, source, place, message) => {
    const error = await rejection(source);
    expect(error.issues[0]).toMatchObject(place);
    expect(error.issues[0]?.message).toMatch(message);
    expect(error.message).toContain(`${place.line}:${place.column}:`);
  });

  it("reports every problem in an article, in order", async () => {
    const error = await rejection("<script>x</script>\n\nText {1+1}.\n\n[a](javascript:x)");
    expect(error.issues.map((issue) => issue.line)).toEqual([1, 3, 5]);
  });

  it("reports a syntax error with its line and column instead of crashing", async () => {
    const error = await rejection('Fine.\n\n<Figure caption="unclosed');
    expect(error.issues[0]?.line).toBe(3);
    expect(error.issues[0]?.column).toBeGreaterThan(0);
  });

  it("refuses an article over the length limit", async () => {
    const error = await rejection("word ".repeat(MAX_ARTICLE_SOURCE_LENGTH / 5 + 1));
    expect(error.issues[0]?.message).toMatch(/the limit is/);
  });

  const allowed: Array<[string, string]> = [
    ["paragraphs with emphasis", "Some *emphasis* and **strong** text."],
    ["subheadings and lists", "## Background\n\n- one\n- two\n\n1. first"],
    [
      "https, mailto and relative links",
      "[a](https://x.example) [b](mailto:desk@x.example) [c](/category/world) [d](#notes)",
    ],
    [
      "a figure with caption, alt, camera and credit",
      '<Figure caption="c" alt="a" camera="Nikon D850" credit="Staff" />',
    ],
    ["a pull quote with its speaker", '<PullQuote by="A minister">As long as it takes.</PullQuote>'],
    ["an aside with a title and markdown inside", '<Aside title="Background">\n\nSome **context**.\n\n</Aside>'],
    ["an image from the site itself", "![Map of the region](/maps/region.png)"],
    ["a GFM table and footnote", "| a | b |\n| - | - |\n| 1 | 2 |\n\nText[^1]\n\n[^1]: Note."],
    ["escaped braces and angle brackets as text", "Use \\{braces\\} and 3 \\< 4."],
  ];

  it.each(allowed)("accepts %s", async (_name, source) => {
    await expect(compileArticle(source)).resolves.toMatchObject({ code: expect.any(String) });
  });
});
