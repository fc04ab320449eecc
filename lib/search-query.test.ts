import { describe, expect, it } from "vitest";
import { MAX_SEARCH_QUERY_LENGTH, parseSearchQuery } from "./search-query";

describe("a reader's search query", () => {
  it("is trimmed", () => {
    expect(parseSearchQuery("  NATO  ")).toEqual({ ok: true, text: "NATO" });
  });

  it("asks for words when it is empty", () => {
    expect(parseSearchQuery("   ")).toMatchObject({ ok: false, message: expect.stringMatching(/Type a word/) });
    expect(parseSearchQuery(undefined)).toMatchObject({ ok: false });
  });

  it("reads control characters, a NUL among them, as spaces: they are never words and the database refuses a NUL", () => {
    expect(parseSearchQuery("nato\u0000 \u0002pledge\u0003\t")).toEqual({ ok: true, text: "nato   pledge" });
    expect(parseSearchQuery("\u0000\u0000")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Type a word/),
    });
  });

  it("says how long it may be when it is too long", () => {
    const result = parseSearchQuery("a".repeat(MAX_SEARCH_QUERY_LENGTH + 1));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/limited to 200/) });
  });
});
