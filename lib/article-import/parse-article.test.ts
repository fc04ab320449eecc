import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { parseArticle, ArticleFormatError } from "@/lib/article-import/parse-article";

const fixture = readFileSync(path.join(import.meta.dirname, "../../test/fixtures/commissioned-story.txt"), "utf8");

const COMMISSIONED_PARAGRAPHS = [
  'The North Atlantic Treaty Organization (NATO) has committed to backing Ukraine in its defensive war against Russia for "as long as it takes." After a meeting of the NATO-Ukraine Council during the organization\'s Foreign Affairs Ministers meeting, NATO announced its continuous support to the Eastern European nation.',
  "NATO allies remain steadfast in their commitment to further step up political and practical support to Ukraine as it continues to defend its independence, sovereignty, and territorial integrity. The military alliance promises to continue their support until the conflict is resolved.",
  "According to a statement from NATO, a strong and independent Ukraine is vital for the stability of the Euro-Atlantic area. The organization believes that Ukraine's security is of utmost importance.",
  'While NATO does not provide military assistance to Ukraine as a group, individual member states offer their assistance on their own terms. However, NATO Secretary General Jens Stoltenberg revealed that Ukraine is set to become a member of the military alliance after the conclusion of Russia\'s "brutal war of aggression."',
  "During the NATO-Ukraine Council meeting, Ukrainian Foreign Minister Dmytro Kuleba expressed his appreciation for the increased support to Ukraine. He emphasized the importance of a victorious Ukraine in order to ensure the safety of both NATO and Ukraine.",
  "U.S. Secretary of State Antony Blinken, also present at the council meeting, stated that the only obstacle preventing the end of the Russia-Ukraine conflict is Vladimir Putin's reluctance to engage in meaningful diplomacy and negotiations.",
  "In addition to political support, steps are being taken to align Ukraine's infrastructure with NATO resources. NATO is developing a roadmap for Ukraine's transition to full interoperability with the alliance. Projects on humanitarian demining, medical rehabilitation for wounded Ukrainian soldiers, and enhancing Ukraine's defense industrial capacity are underway.",
  "Furthermore, Ukraine has reaffirmed its dedication to democratic and security sector reforms. The country aims to implement priority reforms recommended by NATO allies as it continues on its path toward future membership in the military alliance.",
];

/** Blocks joined by blank lines: block n (1-based) starts on line 2n - 1 when each is one line. */
function article(...blocks: string[]): string {
  return `${blocks.join("\n\n")}\n`;
}

const HEAD = ["Conflicts", "published : 2023-12-01", "A headline", "A standfirst"];

function refusal(text: string): { line: number; reason: string } {
  try {
    parseArticle(text);
  } catch (error) {
    if (error instanceof ArticleFormatError) return { line: error.line, reason: error.reason };
    throw error;
  }
  throw new Error("expected the story to be refused");
}

describe("parseStory on the commissioned story", () => {
  const parsed = parseArticle(fixture);

  it("reads the section, published date, headline and standfirst", () => {
    expect(parsed.section).toBe("Conflicts");
    expect(parsed.published).toBe("2023-12-01");
    expect(parsed.headline).toBe("Ukraine to Receive NATO Support and Membership After Conflict");
    expect(parsed.dek).toBe("NATO pledges long-term support to Ukraine and offers membership in the military alliance");
  });

  it("takes the photo that opens the body as the lead photo", () => {
    expect(parsed.leadPhoto).toEqual({
      description:
        "An image of Ukrainian soldiers standing strong and united, representing their commitment to defending their independence and territorial integrity.",
      camera: "Canon EOS 5D Mark IV",
    });
  });

  it("keeps eight paragraphs in order with the two inline photos at their places", () => {
    expect(parsed.body).toEqual([
      { kind: "paragraph", text: COMMISSIONED_PARAGRAPHS[0] },
      { kind: "paragraph", text: COMMISSIONED_PARAGRAPHS[1] },
      { kind: "paragraph", text: COMMISSIONED_PARAGRAPHS[2] },
      {
        kind: "photo",
        description:
          "A photo capturing the NATO-Ukraine Council meeting in Brussels, where delegates discuss the ongoing conflict with Russia and strategies for support.",
        camera: "Nikon D850",
      },
      { kind: "paragraph", text: COMMISSIONED_PARAGRAPHS[3] },
      { kind: "paragraph", text: COMMISSIONED_PARAGRAPHS[4] },
      { kind: "paragraph", text: COMMISSIONED_PARAGRAPHS[5] },
      {
        kind: "photo",
        description:
          "A powerful image of Ukrainian Foreign Minister Dmytro Kuleba addressing the council, highlighting the importance of increased support for Ukraine's victory in the war.",
        camera: "Sony Alpha a7 III",
      },
      { kind: "paragraph", text: COMMISSIONED_PARAGRAPHS[6] },
      { kind: "paragraph", text: COMMISSIONED_PARAGRAPHS[7] },
    ]);
  });

  it("leaves no camera note in any text", () => {
    expect(JSON.stringify(parsed)).not.toMatch(/taken with/i);
  });

  it("reads the same story from CRLF line endings and a byte order mark", () => {
    expect(parseArticle(`\uFEFF${fixture.replaceAll("\n", "\r\n")}`)).toEqual(parsed);
  });
});

describe("parseStory on camera notes", () => {
  it("reads a camera note at the end of a paragraph as a photo", () => {
    const parsed = parseArticle(
      article(...HEAD, "Lead. [taken with Nikon Z8]", "Opening paragraph.", "Crowds at dawn. [taken with Leica M11]"),
    );
    expect(parsed.body).toEqual([
      { kind: "paragraph", text: "Opening paragraph." },
      { kind: "photo", description: "Crowds at dawn.", camera: "Leica M11" },
    ]);
  });

  it("reads a camera note on its own block as naming the paragraph before it", () => {
    const parsed = parseArticle(
      article(
        ...HEAD,
        "Lead.",
        "[taken with Nikon Z8]",
        "Opening paragraph.",
        "Crowds at dawn.",
        "[taken with Leica M11]",
      ),
    );
    expect(parsed.leadPhoto).toEqual({ description: "Lead.", camera: "Nikon Z8" });
    expect(parsed.body).toEqual([
      { kind: "paragraph", text: "Opening paragraph." },
      { kind: "photo", description: "Crowds at dawn.", camera: "Leica M11" },
    ]);
  });

  it("reads a camera note wrapped onto the description's next line", () => {
    const parsed = parseArticle(article(...HEAD, "Crowds at dawn.\n[taken with\n  Leica M11]", "Opening paragraph."));
    expect(parsed.leadPhoto).toEqual({ description: "Crowds at dawn.", camera: "Leica M11" });
  });

  it("takes the first photo as the lead even when a paragraph comes before it", () => {
    const parsed = parseArticle(article(...HEAD, "Opening paragraph.", "Crowds. [taken with Leica M11]"));
    expect(parsed.leadPhoto).toEqual({ description: "Crowds.", camera: "Leica M11" });
    expect(parsed.body).toEqual([{ kind: "paragraph", text: "Opening paragraph." }]);
  });

  it("has no lead photo when the story has no photos", () => {
    const parsed = parseArticle(article(...HEAD, "Opening paragraph.", "Second paragraph."));
    expect(parsed).not.toHaveProperty("leadPhoto");
    expect(parsed.body).toHaveLength(2);
  });
});

describe("parseStory on layout", () => {
  it("joins wrapped lines with a single space and trims trailing whitespace", () => {
    const parsed = parseArticle(
      article(
        "Conflicts  ",
        "published : 2023-12-01",
        "A headline\n  over two lines\t",
        "Dek",
        "One\nparagraph   \nwrapped.",
      ),
    );
    expect(parsed.section).toBe("Conflicts");
    expect(parsed.headline).toBe("A headline over two lines");
    expect(parsed.body).toEqual([{ kind: "paragraph", text: "One paragraph wrapped." }]);
  });

  it.each(["published:2023-12-01", "published: 2023-12-01", "published   :\t2023-12-01  ", "Published : 2023-12-01"])(
    "accepts the date line %j",
    (dateLine) => {
      expect(parseArticle(article("Conflicts", dateLine, "Headline", "Dek", "Body.")).published).toBe("2023-12-01");
    },
  );

  it("treats lines holding only whitespace as blank", () => {
    const parsed = parseArticle("Conflicts\n \t\npublished : 2024-02-29\n\nHeadline\n   \nDek\n\nBody.");
    expect(parsed.published).toBe("2024-02-29");
    expect(parsed.dek).toBe("Dek");
  });
});

describe("parseStory refuses malformed stories", () => {
  it("refuses an empty file on line 1", () => {
    expect(refusal("")).toMatchObject({ line: 1, reason: expect.stringMatching(/empty/) });
    expect(refusal("\uFEFF \r\n\r\n")).toMatchObject({ line: 1 });
  });

  it("refuses a story that starts with the date instead of a section", () => {
    expect(refusal(article("published : 2023-12-01", "Headline", "Dek", "Body."))).toMatchObject({
      line: 1,
      reason: expect.stringMatching(/section/),
    });
  });

  it("refuses a story that stops after the section, pointing just past it", () => {
    expect(refusal("Conflicts\n")).toEqual({
      line: 2,
      reason: 'expected "published : YYYY-MM-DD", found end of file',
    });
  });

  it("refuses a date line in the wrong shape and quotes what it found", () => {
    const parse = () => parseArticle(article("Conflicts", "Published on 1 December", "Headline", "Dek", "Body."));
    expect(parse).toThrow(ArticleFormatError);
    expect(parse).toThrow('line 3: expected "published : YYYY-MM-DD", found "Published on 1 December"');
  });

  it.each(["2023-02-30", "2023-13-01", "2023-04-31", "2023-02-29", "2023-00-10"])(
    "refuses %s as not a real calendar date",
    (date) => {
      expect(refusal(article("Conflicts", `published : ${date}`, "Headline", "Dek", "Body."))).toEqual({
        line: 3,
        reason: `"${date}" is not a real calendar date`,
      });
    },
  );

  it("refuses a date written without leading zeros", () => {
    expect(refusal(article("Conflicts", "published : 2023-12-1", "Headline", "Dek", "Body."))).toMatchObject({
      line: 3,
    });
  });

  it("refuses a story without a headline", () => {
    expect(refusal(article("Conflicts", "published : 2023-12-01"))).toEqual({
      line: 4,
      reason: "expected a headline, found end of file",
    });
  });

  it("refuses a story without a standfirst", () => {
    expect(refusal(article("Conflicts", "published : 2023-12-01", "Headline"))).toEqual({
      line: 6,
      reason: "expected a standfirst, found end of file",
    });
  });

  it("refuses a story with no body paragraphs", () => {
    expect(refusal(article(...HEAD))).toMatchObject({ line: 8, reason: expect.stringMatching(/body paragraph/) });
  });

  it("refuses a story whose body is only a photo", () => {
    expect(refusal(article(...HEAD, "Crowds. [taken with Leica M11]"))).toMatchObject({ line: 10 });
  });

  it("refuses a camera note straight after the standfirst", () => {
    expect(refusal(article(...HEAD, "[taken with Canon EOS 5D Mark IV]", "Body."))).toMatchObject({
      line: 9,
      reason: expect.stringMatching(/no photo description before it/),
    });
  });

  it("refuses a camera note carried by the standfirst itself", () => {
    expect(refusal(article(...HEAD.slice(0, 3), "Dek. [taken with Nikon D850]", "Body."))).toMatchObject({
      line: 7,
      reason: expect.stringMatching(/^the standfirst cannot carry a camera note/),
    });
  });

  it("refuses a camera note that names no camera", () => {
    expect(refusal(article(...HEAD, "Body.", "Crowds. [taken with ]"))).toEqual({
      line: 11,
      reason: 'the camera note "[taken with ]" names no camera',
    });
  });

  it("refuses an unclosed camera note on the line where it opens", () => {
    expect(
      refusal(article(...HEAD, "Body.", "Crowds at dawn,\nseen from the bridge. [taken with Leica M11\nand more")),
    ).toMatchObject({
      line: 12,
      reason: expect.stringMatching(/missing its closing "\]"/),
    });
  });

  it("refuses text after a camera note", () => {
    expect(refusal(article(...HEAD, "Crowds. [taken with Leica M11] More prose.", "Body."))).toMatchObject({
      line: 9,
      reason: expect.stringMatching(/must end its block/),
    });
  });

  it("refuses a second camera note for the same photo", () => {
    expect(
      refusal(article(...HEAD, "Body.", "Crowds. [taken with Leica M11]", "[taken with Nikon D850]")),
    ).toMatchObject({
      line: 13,
      reason: expect.stringMatching(/already has one/),
    });
  });
});
