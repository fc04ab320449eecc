import { readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import type { Root, RootContent } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";

import { articleFrontMatterSchema } from "@/lib/content/front-matter";
import { parseArticle, type ParsedArticleFile } from "@/lib/article-import/parse-article";
import { articleToMdx } from "@/lib/article-import/article-to-mdx";

const commissioned = parseArticle(
  readFileSync(path.join(import.meta.dirname, "../../test/fixtures/commissioned-story.txt"), "utf8"),
);
const byline = { author: "Newsroom Staff", tags: ["NATO", "Ukraine", "Russia"] };

/** Reads the body the way the article pipeline does: MDX, plus GFM for the site's tables and strikethrough. */
function readBody(mdx: string): Root {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(matter(mdx).content);
}

/** A node reduced to what the reader sees, without source positions. */
type Shape = { type: string; value?: string; attributes?: Record<string, unknown>; children?: Shape[] };

function shapeOf(node: RootContent): Shape {
  if (node.type === "mdxJsxFlowElement") return { type: node.type, attributes: figureAttributes(node) };
  if ("children" in node) return { type: node.type, children: node.children.map(shapeOf) };
  return "value" in node ? { type: node.type, value: node.value } : { type: node.type };
}

function figureAttributes(node: MdxJsxFlowElement): Record<string, unknown> {
  return Object.fromEntries(
    node.attributes.map((attribute) => [
      attribute.type === "mdxJsxAttribute" ? attribute.name : "{…}",
      attribute.value,
    ]),
  );
}

function plainText(node: RootContent): string {
  if ("value" in node) return node.value;
  return "children" in node ? node.children.map(plainText).join("") : "";
}

const paragraph = (text: string): Shape => ({ type: "paragraph", children: [{ type: "text", value: text }] });

function articleWithBody(...body: ParsedArticleFile["body"]): ParsedArticleFile {
  return { section: "World", published: "2024-01-02", headline: "Test headline", dek: "Test dek", body };
}

describe("storyToMdx on the commissioned story", () => {
  const { slug, mdx } = articleToMdx(commissioned, byline);

  it("names the file after the headline", () => {
    expect(slug).toBe("ukraine-to-receive-nato-support-and-membership-after-conflict");
  });

  it("writes front matter that reads back through gray-matter and the article schema unchanged", () => {
    const expected = {
      headline: "Ukraine to Receive NATO Support and Membership After Conflict",
      dek: "NATO pledges long-term support to Ukraine and offers membership in the military alliance",
      section: "Conflicts",
      author: "Newsroom Staff",
      published: "2023-12-01",
      tags: ["NATO", "Ukraine", "Russia"],
      leadPhoto: {
        caption: commissioned.leadPhoto?.description,
        alt: commissioned.leadPhoto?.description,
        camera: "Canon EOS 5D Mark IV",
      },
    };
    const { data } = matter(mdx);
    expect(data).toEqual(expected);
    expect(articleFrontMatterSchema.parse(data)).toEqual(articleFrontMatterSchema.parse(expected));
  });

  it("quotes the published date so YAML keeps it a string", () => {
    expect(mdx).toContain('\npublished: "2023-12-01"\n');
  });

  it("writes the eight paragraphs in order with two Figure elements at their places", () => {
    const paragraphs = commissioned.body.flatMap((block) => (block.kind === "paragraph" ? [block.text] : []));
    expect(paragraphs).toHaveLength(8);
    const figure = (caption: string, camera: string): Shape => ({
      type: "mdxJsxFlowElement",
      attributes: { caption, alt: caption, camera },
    });

    expect(readBody(mdx).children.map(shapeOf)).toEqual([
      ...paragraphs.slice(0, 3).map(paragraph),
      figure(
        "A photo capturing the NATO-Ukraine Council meeting in Brussels, where delegates discuss the ongoing conflict with Russia and strategies for support.",
        "Nikon D850",
      ),
      ...paragraphs.slice(3, 6).map(paragraph),
      figure(
        "A powerful image of Ukrainian Foreign Minister Dmytro Kuleba addressing the council, highlighting the importance of increased support for Ukraine's victory in the war.",
        "Sony Alpha a7 III",
      ),
      ...paragraphs.slice(6).map(paragraph),
    ]);
  });

  it("puts each Figure on its own line as a self-closing element", () => {
    const figureLines = mdx.split("\n").filter((line) => line.includes("<Figure"));
    expect(figureLines).toHaveLength(2);
    for (const line of figureLines) expect(line).toMatch(/^<Figure caption="[^\n]*" \/>$/);
  });
});

describe("storyToMdx keeps the newsroom's text literal", () => {
  it.each([
    "{process.env.HOME} <script>alert(1)</script> *not emphasis*",
    "# Not a heading, _not emphasis_ and [not a link](/elsewhere) or ![image](x.png)",
    "1. Not a list item",
    "- Not a list item either",
    "> Not a quote",
    "export const tariffs = 25",
    "import duties rose on Tuesday",
    "Prices rose ~5% to ~10%, ~~not struck~~",
    "A backslash \\ and `no code` and AT&amp;T and &copy; stay as typed",
    '<Figure caption="smuggled" />',
    "    Not indented code",
  ])("keeps %j as one plain text node", (text) => {
    const { mdx } = articleToMdx(articleWithBody({ kind: "paragraph", text }), byline);
    expect(readBody(mdx).children.map(shapeOf)).toEqual([paragraph(text)]);
  });

  it("keeps a bare web address word for word, though GFM renders it as a link", () => {
    const text = "Read the communiqué at https://www.nato.int/cps/en.htm today.";
    const { mdx } = articleToMdx(articleWithBody({ kind: "paragraph", text }), byline);
    const [body] = readBody(mdx).children;
    expect(body?.type).toBe("paragraph");
    expect(body && "children" in body ? body.children.map(plainText).join("") : "").toBe(text);
  });

  it("keeps quotes, braces, angle brackets and character references literal in Figure attributes", () => {
    const description = `He said "hold the line" {now} <b>twice</b> & it's AT&amp;T's &#x22;`;
    const { mdx } = articleToMdx(
      articleWithBody({ kind: "paragraph", text: "Body." }, { kind: "photo", description, camera: 'Canon "EOS" R5' }),
      byline,
    );
    expect(readBody(mdx).children.map(shapeOf)).toEqual([
      paragraph("Body."),
      {
        type: "mdxJsxFlowElement",
        attributes: { caption: description, alt: description, camera: 'Canon "EOS" R5' },
      },
    ]);
  });

  it("keeps YAML-significant text in the front matter as written", () => {
    const article = {
      ...articleWithBody({ kind: "paragraph", text: "Body." }),
      headline: "Breaking: 'Yes' # no comment",
      dek: '"2024-01-02" - null: true',
      section: "2024",
    };
    const { data } = matter(articleToMdx(article, { author: "O'Brien: Staff", tags: ["true", "1.5"] }).mdx);
    expect(data).toMatchObject({
      headline: article.headline,
      dek: article.dek,
      section: "2024",
      author: "O'Brien: Staff",
      tags: ["true", "1.5"],
    });
  });
});

describe("storyToMdx on stories the seed would refuse", () => {
  it("leaves leadPhoto out of the front matter when the story has none", () => {
    const { data } = matter(articleToMdx(articleWithBody({ kind: "paragraph", text: "Body." }), byline).mdx);
    expect(data).not.toHaveProperty("leadPhoto");
  });

  it("refuses front matter the article schema would reject", () => {
    const article = articleWithBody({ kind: "paragraph", text: "Body." });
    expect(() => articleToMdx(article, { author: "Newsroom Staff", tags: ["x".repeat(61)] })).toThrow(
      /front matter would be refused/,
    );
  });

  it("refuses a headline that gives no slug", () => {
    const article = { ...articleWithBody({ kind: "paragraph", text: "Body." }), headline: "???" };
    expect(() => articleToMdx(article, byline)).toThrow(/empty slug/);
  });
});
