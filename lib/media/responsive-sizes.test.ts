import { readFileSync } from "node:fs";
import path from "node:path";

import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { stripLocation } from "@/lib/media/clean-photo";
import { inspectPhoto } from "@/lib/media/inspect-photo";
import { PHOTO_WIDTHS, renderPhotoVariant } from "@/lib/media/responsive-sizes";

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../test/fixtures/photos", name)));

/** The cleaned camera fixture: 600 × 800 once upright. */
async function cleanPortrait(): Promise<Uint8Array> {
  const bytes = fixture("camera-and-gps.jpg");
  return stripLocation(bytes, await inspectPhoto(bytes));
}

describe("renderPhotoVariant", () => {
  it("renders the requested width and keeps the aspect ratio", async () => {
    const variant = await renderPhotoVariant(await cleanPortrait(), { width: 320 });
    expect(variant).toMatchObject({ width: 320, height: 427, mimeType: "image/webp" });
    expect(await sharp(variant.bytes).metadata()).toMatchObject({ format: "webp", width: 320, height: 427 });
  });

  it("never enlarges a photo narrower than the requested width", async () => {
    const clean = await cleanPortrait();
    for (const width of PHOTO_WIDTHS.filter((candidate) => candidate > 600)) {
      expect(await renderPhotoVariant(clean, { width })).toMatchObject({ width: 600, height: 800 });
    }
  });

  it("carries no metadata at all, not even from a photo that was never cleaned", async () => {
    const variant = await renderPhotoVariant(fixture("camera-and-gps.jpg"), { width: 320, format: "jpeg" });
    const { exif, xmp, iptc, icc } = await sharp(variant.bytes).metadata();
    expect({ exif, xmp, iptc, icc }).toEqual({ exif: undefined, xmp: undefined, iptc: undefined, icc: undefined });
    // Orientation was applied on the way, so the portrait stays a portrait.
    expect(variant).toMatchObject({ width: 320, height: 427 });
  });

  it("encodes JPEG and AVIF on request", async () => {
    const clean = await cleanPortrait();
    const jpeg = await renderPhotoVariant(clean, { width: 320, format: "jpeg" });
    const avif = await renderPhotoVariant(clean, { width: 320, format: "avif" });
    expect(jpeg.mimeType).toBe("image/jpeg");
    expect((await sharp(jpeg.bytes).metadata()).format).toBe("jpeg");
    expect(avif.mimeType).toBe("image/avif");
    expect(await sharp(avif.bytes).metadata()).toMatchObject({ format: "heif", compression: "av1" });
  });
});

describe("PHOTO_WIDTHS", () => {
  it("lists the published widths from narrowest to widest", () => {
    expect(PHOTO_WIDTHS).toEqual([320, 640, 960, 1280, 1920]);
  });
});
