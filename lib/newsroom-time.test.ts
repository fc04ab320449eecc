import { describe, expect, it } from "vitest";
import { formatNewsroomDate, parsePublicationTime } from "./newsroom-time";

describe("newsroom time", () => {
  it("reads a date-only story as that day in every newsroom time zone", () => {
    for (const zone of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Kolkata"]) {
      const instant = parsePublicationTime("2023-12-01", zone);
      expect(formatNewsroomDate(instant, zone)).toBe("1 December 2023");
    }
  });

  it("stores a date-only story as midnight in the newsroom's zone", () => {
    expect(parsePublicationTime("2023-12-01", "UTC").toISOString()).toBe("2023-12-01T00:00:00.000Z");
    expect(parsePublicationTime("2023-12-01", "Europe/Kyiv").toISOString()).toBe("2023-11-30T22:00:00.000Z");
  });

  it("keeps a full timestamp exactly", () => {
    expect(parsePublicationTime("2026-11-20T08:30:00Z", "Asia/Tokyo").toISOString()).toBe("2026-11-20T08:30:00.000Z");
  });

  it("refuses text that is not a date", () => {
    expect(() => parsePublicationTime("yesterday", "UTC")).toThrow(RangeError);
  });
});
