import { describe, expect, it } from "vitest";
import { compileArticle } from "@/lib/mdx/compile";
import { pastedHtmlToMarkdown } from "./paste-as-markdown";

const wordHtml = `<html><head><style>p.MsoNormal{margin:0}</style></head><body>
<!--StartFragment--><p class=MsoNormal>The council met in <b>Brussels</b> on Tuesday.<o:p></o:p></p>
<p class=MsoNormal>Read the <a href="https://www.nato.int/statement">full statement</a> {here}.<o:p></o:p></p>
<p class=MsoNormal><a href="javascript:alert(1)">Click</a> <img src="https://tracker.example/p.gif"></p><!--EndFragment--></body></html>`;

describe("pasting from a word processor", () => {
  it("keeps paragraphs, emphasis and links", () => {
    const markdown = pastedHtmlToMarkdown(wordHtml);
    expect(markdown.split("\n\n")).toEqual([
      "The council met in **Brussels** on Tuesday.",
      "Read the [full statement](https://www.nato.int/statement) \\{here\\}.",
      "Click",
    ]);
  });

  it("drops script links and images from other servers, and the result compiles", async () => {
    const markdown = pastedHtmlToMarkdown(wordHtml);
    expect(markdown).not.toContain("javascript:");
    expect(markdown).not.toContain("tracker.example");
    await expect(compileArticle(markdown)).resolves.toMatchObject({ plainText: expect.stringContaining("{here}") });
  });

  it("keeps headings and lists", () => {
    expect(pastedHtmlToMarkdown("<h2>Background</h2><ul><li>one</li><li>two</li></ul>")).toBe(
      "## Background\n\n-   one\n-   two",
    );
  });
});
