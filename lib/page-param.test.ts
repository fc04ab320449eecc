import { describe, expect, it } from "vitest";
import { parsePageParam } from "./page-param";

describe("the page parameter", () => {
  it("starts at page one when there is none", () => {
    expect(parsePageParam(undefined)).toBe(1);
  });

  it("reads a page number", () => {
    expect(parsePageParam("3")).toBe(3);
    expect(parsePageParam(["2", "9"])).toBe(2);
  });

  it("refuses zero, negatives, fractions, words and absurd numbers", () => {
    for (const value of ["0", "-1", "1.5", "two", "", "1e9"]) expect(parsePageParam(value)).toBeNull();
  });
});
