import { describe, expect, it } from "vitest";
import { bylineText } from "./bylines";

describe("a story's byline", () => {
  it("names a single writer alone", () => {
    expect(bylineText(["Ada Lovelace"])).toBe("Ada Lovelace");
  });

  it("joins two writers with and", () => {
    expect(bylineText(["Ada Lovelace", "Tobias Reed"])).toBe("Ada Lovelace and Tobias Reed");
  });

  it("lists three or more writers with commas and a final and, in byline order", () => {
    expect(bylineText(["C", "A", "B"])).toBe("C, A and B");
    expect(bylineText(["A", "B", "C", "D"])).toBe("A, B, C and D");
  });
});
