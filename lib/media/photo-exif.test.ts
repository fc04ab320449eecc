import { describe, expect, it } from "vitest";

import { parseExifDateTime, readPhotoExif } from "@/lib/media/photo-exif";

describe("parseExifDateTime", () => {
  it("reads the camera clock at the offset the camera recorded", () => {
    expect(parseExifDateTime("2024:03:15 14:22:05", "+01:00")).toEqual(new Date("2024-03-15T13:22:05Z"));
    expect(parseExifDateTime("2024:03:15 14:22:05", "-05:30")).toEqual(new Date("2024-03-15T19:52:05Z"));
  });

  it("reads a clock with no recorded offset as UTC, whatever the server's zone", () => {
    expect(parseExifDateTime("2024:03:15 14:22:05", null)).toEqual(new Date("2024-03-15T14:22:05Z"));
  });

  it("gives null for a camera whose clock was never set", () => {
    expect(parseExifDateTime("0000:00:00 00:00:00", null)).toBeNull();
  });

  it("gives null for a date no calendar has", () => {
    expect(parseExifDateTime("2023:02:30 10:00:00", null)).toBeNull();
  });

  it("gives null for text that is not an EXIF date", () => {
    expect(parseExifDateTime("15/03/2024", null)).toBeNull();
    expect(parseExifDateTime(null, "+01:00")).toBeNull();
  });
});

describe("readPhotoExif", () => {
  it("treats unreadable EXIF as no EXIF rather than failing the upload", async () => {
    const junk = new TextEncoder().encode("Exif\0\0this is not a TIFF structure");
    await expect(readPhotoExif(junk)).resolves.toEqual({ make: null, model: null, capturedAt: null });
  });
});
