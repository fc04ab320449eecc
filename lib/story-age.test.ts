import { describe, expect, it } from "vitest";
import { storyAgeNotice, wholeMonthsBetween } from "./story-age";

const commissioned = new Date("2023-12-01T09:00:00Z");

describe("the age notice on old stories", () => {
  it("tells a reader the commissioned story of 1 December 2023 is more than three years old", () => {
    expect(storyAgeNotice(commissioned, new Date("2026-12-07T12:00:00Z"), 12)).toBe(
      "This article is more than 3 years old",
    );
  });

  it("says nothing on a story younger than the newsroom's age, one year by default", () => {
    expect(storyAgeNotice(commissioned, new Date("2024-11-30T23:00:00Z"), 12)).toBeNull();
    expect(storyAgeNotice(commissioned, new Date("2024-12-01T09:00:00Z"), 12)).toBe(
      "This article is more than 12 months old",
    );
  });

  it("counts in months under two years and in years from then on", () => {
    expect(storyAgeNotice(commissioned, new Date("2025-11-15T00:00:00Z"), 12)).toBe(
      "This article is more than 23 months old",
    );
    expect(storyAgeNotice(commissioned, new Date("2025-12-02T00:00:00Z"), 12)).toBe(
      "This article is more than 2 years old",
    );
  });

  it("follows a shorter age the newsroom chose, down to one month", () => {
    expect(storyAgeNotice(commissioned, new Date("2024-01-05T00:00:00Z"), 1)).toBe(
      "This article is more than 1 month old",
    );
    expect(storyAgeNotice(commissioned, new Date("2023-12-31T00:00:00Z"), 1)).toBeNull();
  });

  it("counts whole calendar months, to the minute within the month", () => {
    expect(wholeMonthsBetween(new Date("2024-01-31T10:00:00Z"), new Date("2024-02-29T10:00:00Z"))).toBe(0);
    expect(wholeMonthsBetween(new Date("2024-01-31T10:00:00Z"), new Date("2024-03-31T10:00:00Z"))).toBe(2);
    expect(wholeMonthsBetween(new Date("2024-05-01T00:00:00Z"), new Date("2024-05-01T00:00:00Z"))).toBe(0);
  });
});
