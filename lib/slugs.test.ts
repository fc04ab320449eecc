import { describe, expect, it } from "vitest";
import { articleSlug, authorSlug, isSlug, sectionSlug, tagSlug } from "./slugs";

describe("slugs", () => {
  it("makes a section's slug from its name in lower case with hyphens", () => {
    expect(sectionSlug("Conflicts")).toBe("conflicts");
    expect(sectionSlug("Middle East")).toBe("middle-east");
  });

  it("makes an article's slug from its headline", () => {
    expect(articleSlug("Ukraine to Receive NATO Support and Membership After Conflict")).toBe(
      "ukraine-to-receive-nato-support-and-membership-after-conflict",
    );
  });

  it("transliterates accents and drops punctuation", () => {
    expect(tagSlug("Côte d’Ivoire")).toBe("cote-d-ivoire");
    expect(articleSlug("What's next? Kyiv & Brussels, 2023!")).toBe("whats-next-kyiv-and-brussels-2023");
  });

  it("cuts a very long headline at a word boundary", () => {
    const slug = articleSlug("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect(slug.split("-").every((part) => part === "word")).toBe(true);
  });
});

describe("a reader's address segment", () => {
  it("could be a slug when it is what the slug functions make", () => {
    for (const slug of [
      sectionSlug("Middle East"),
      tagSlug("Côte d’Ivoire"),
      authorSlug("Łukasz Nowak"),
      articleSlug("word ".repeat(40)),
      "story-2",
    ]) {
      expect(isSlug(slug), slug).toBe(true);
    }
  });

  it("is no slug with a NUL, a control character, upper case, spaces or stray hyphens, so it is a 404 without a query", () => {
    for (const segment of [
      "\u0000",
      "gaza\u0000",
      "a\u0002b",
      "Conflicts",
      "middle east",
      "-gaza",
      "gaza-",
      "gaza--city",
      "",
      "%00",
      "x".repeat(5) + "\n",
    ]) {
      expect(isSlug(segment), JSON.stringify(segment)).toBe(false);
    }
  });
});
