import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { compileArticle } from "./compile";
import { ArticleBody } from "./render";

async function renderArticle(source: string, graphicPhotos?: Record<string, string>): Promise<string> {
  const compiled = await compileArticle(source);
  return renderToStaticMarkup(
    <ArticleBody code={compiled.code} sourceHash={compiled.sourceHash} graphicPhotos={graphicPhotos} />,
  );
}

describe("rendering a compiled article", () => {
  it("renders paragraphs, emphasis and safe links as HTML", async () => {
    const html = await renderArticle("Hello *world* and [the alliance](https://www.nato.int/).");
    expect(html).toContain("<em>world</em>");
    expect(html).toContain('<a href="https://www.nato.int/">the alliance</a>');
  });

  it("shows a described photo's caption, alt text and camera", async () => {
    const html = await renderArticle(
      '<Figure caption="Delegates in Brussels &quot;at work&quot;" camera="Nikon D850" />',
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Delegates in Brussels &quot;at work&quot;"');
    expect(html).toContain("Taken with Nikon D850");
  });

  it("puts a graphic photo behind its warning, in a closed disclosure, with the image loaded only when opened", async () => {
    const photo = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    const source = `<Figure photo="${photo}" width="1200" height="800" caption="After the shelling" alt="A street" />`;
    const html = await renderArticle(source, { [photo]: "This image shows the bodies of soldiers" });
    expect(html).toMatch(/<details class="group" data-graphic-photo="true"><summary[^>]*>/);
    expect(html).not.toMatch(/<details[^>]* open/);
    expect(html).toContain("Warning: graphic image");
    expect(html).toContain("This image shows the bodies of soldiers");
    expect(html).toContain("Show the photo");
    expect(html).toMatch(/<img[^>]*loading="lazy"/);
    expect(html).toContain("After the shelling");
    const plain = await renderArticle(source);
    expect(plain).not.toContain("<details");
  });

  it("renders pull quotes and asides from the allow-list", async () => {
    const html = await renderArticle(
      '<PullQuote by="A minister">As long as it takes.</PullQuote>\n\n<Aside title="Background">The council met in 2023.</Aside>',
    );
    expect(html).toContain("<blockquote");
    expect(html).toContain("As long as it takes.");
    expect(html).toContain('aria-label="Background"');
  });

  it("renders GFM tables and footnotes", async () => {
    const html = await renderArticle(
      "| Country | Pledge |\n| --- | --- |\n| A | 10 |\n\nA claim.[^1]\n\n[^1]: The source.",
    );
    expect(html).toContain("<table>");
    expect(html).toContain("<td>10</td>");
    expect(html).toContain("data-footnotes");
    expect(html).toContain("The source.");
  });

  it("turns a top-level heading in the body into a subheading so the headline stays the only h1", async () => {
    const html = await renderArticle("# Background\n\nText.");
    expect(html).not.toContain("<h1");
    expect(html).toContain("<h2>Background</h2>");
  });

  it("prints literal braces and angle brackets written with escapes as text", async () => {
    const html = await renderArticle("Set \\{a\\} and 3 \\< 4.");
    expect(html).toContain("Set {a} and 3 &lt; 4.");
  });
});
