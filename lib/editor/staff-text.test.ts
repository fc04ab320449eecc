import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_ARTICLE_SOURCE_LENGTH } from "@/lib/mdx/limits";
import { articleFormSchema, articleUpdateSchema } from "./article-form";
import { ARTICLE_LIMITS } from "./article-limits";
import { firstControlCharacter, staffLine, staffText, withoutControlCharacters } from "./staff-text";

const SECTION_ID = "5d0c7a52-3b6e-4a57-9c1f-0e2b3c4d5e6f";
const EVERY_CONTROL = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).join("") + "\u007f";

const form = (fields: Record<string, string>) => ({
  headline: "Talks resume",
  sectionId: SECTION_ID,
  bodyMdx: "A paragraph.",
  ...fields,
});
const fieldErrors = (result: { error?: z.ZodError }): Record<string, string[] | undefined> =>
  result.error ? z.flattenError(result.error).fieldErrors : {};

describe("text staff type", () => {
  it("loses every control character but tab, line feed and carriage return", () => {
    expect(withoutControlCharacters(`a${EVERY_CONTROL}b`)).toBe("a\t\n\rb");
  });

  it("keeps letters, punctuation and emoji from every script as typed", () => {
    const text = "Zelenskyy’s café — «Київ» 北京 🇺🇦 \u00a0\u200b";
    expect(withoutControlCharacters(text)).toBe(text);
  });

  it("keeps a story's paragraphs and tabs, with the line ends a browser's form sends stored as LF", () => {
    expect(staffText().parse("First.\r\n\r\n\tSecond\u0000.\rThird.\n")).toBe("First.\n\n\tSecond.\nThird.\n");
  });

  it("folds a line break pasted into a headline or a name into a space", () => {
    expect(staffLine().trim().parse(" Talks\r\nresume\u0007\ttoday ")).toBe("Talks resume today");
  });

  it("finds where the first control character is, for refusals that name a line", () => {
    expect(firstControlCharacter("ab\u0003c\u0000")).toEqual({ index: 2, codePoint: 3 });
    expect(firstControlCharacter("tab\tand\nlines\r")).toBeNull();
  });
});

describe("the story editor's form", () => {
  it("saves a story whose every field had invisible control characters pasted into it, without them", () => {
    const parsed = articleFormSchema.parse(
      form({
        headline: "Talks\u0000 resume",
        dek: "Envoys\u0002 meet\u0003.",
        tags: "Gaza\u0000, \u0001Diplomacy",
        seoTitle: "Talks\u001f resume",
        seoDescription: "Envoys\u007f meet.",
        bodyMdx: "First\u0000 paragraph.\n\n\u0002Second\u0003\tparagraph.",
      }),
    );
    expect(parsed).toMatchObject({
      headline: "Talks resume",
      dek: "Envoys meet.",
      tags: ["Gaza", "Diplomacy"],
      seoTitle: "Talks resume",
      seoDescription: "Envoys meet.",
      bodyMdx: "First paragraph.\n\nSecond\tparagraph.",
    });
  });

  it("asks for a headline when it held nothing but control characters", () => {
    expect(fieldErrors(articleFormSchema.safeParse(form({ headline: "\u0000\u0002 " }))).headline).toEqual([
      "Write a headline.",
    ]);
  });

  it.each([
    [
      "a headline over 200 characters",
      "headline",
      "x".repeat(ARTICLE_LIMITS.headline + 1),
      "A headline is limited to 200 characters.",
    ],
    [
      "a standfirst over 400 characters",
      "dek",
      "x".repeat(ARTICLE_LIMITS.dek + 1),
      "The standfirst is limited to 400 characters.",
    ],
    ["a tag over 60 characters", "tags", "x".repeat(ARTICLE_LIMITS.tag + 1), "A tag is limited to 60 characters."],
    [
      "a 21st tag",
      "tags",
      Array.from({ length: ARTICLE_LIMITS.tags + 1 }, (_, index) => `tag ${index}`).join(", "),
      "Use at most 20 tags.",
    ],
    [
      "an address over 80 characters",
      "slug",
      "a".repeat(ARTICLE_LIMITS.slug + 1),
      "The address is limited to 80 characters.",
    ],
    [
      "an address with capitals and spaces",
      "slug",
      "Talks Resume",
      "Use lower-case letters, digits and single hyphens in the address.",
    ],
    [
      "a search-engine title over 120 characters",
      "seoTitle",
      "x".repeat(ARTICLE_LIMITS.seoTitle + 1),
      "The search-engine title is limited to 120 characters.",
    ],
    [
      "a search-engine description over 300 characters",
      "seoDescription",
      "x".repeat(ARTICLE_LIMITS.seoDescription + 1),
      "The search-engine description is limited to 300 characters.",
    ],
    [
      "a story over 200,000 characters",
      "bodyMdx",
      "x".repeat(MAX_ARTICLE_SOURCE_LENGTH + 1),
      "The story is limited to 200,000 characters.",
    ],
  ])("refuses %s, saying what the limit is", (_case, field, value, message) => {
    expect(fieldErrors(articleFormSchema.safeParse(form({ [field]: value })))[field]).toContain(message);
  });
});

describe("PUT /api/articles/{id}", () => {
  const update = (fields: Record<string, unknown>) => ({
    expectedVersion: 1,
    headline: "Talks resume",
    sectionId: SECTION_ID,
    bodyMdx: "A paragraph.",
    ...fields,
  });

  it("takes the same text as the form, cleaned the same way", () => {
    const parsed = articleUpdateSchema.parse(
      update({ headline: "Talks\u0000 resume", tags: ["Gaza\u0000"], bodyMdx: "One.\n\n\u0002Two\u0003." }),
    );
    expect(parsed).toMatchObject({ headline: "Talks resume", tags: ["Gaza"], bodyMdx: "One.\n\nTwo." });
  });

  it("refuses what the form refuses, in the same words", () => {
    const errors = fieldErrors(
      articleUpdateSchema.safeParse(update({ headline: "x".repeat(201), tags: ["\u0000"], slug: "Not A Slug" })),
    );
    expect(errors).toMatchObject({
      headline: ["A headline is limited to 200 characters."],
      tags: ["A tag needs a name."],
      slug: ["Use lower-case letters, digits and single hyphens in the address."],
    });
  });
});
