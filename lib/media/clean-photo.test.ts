import { readFileSync } from "node:fs";
import path from "node:path";

import { gps, parse } from "exifr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { stripLocation } from "@/lib/media/clean-photo";
import { inspectPhoto, PhotoRejectedError } from "@/lib/media/inspect-photo";

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../test/fixtures/photos", name)));

async function cleaned(name: string): Promise<Uint8Array> {
  const bytes = fixture(name);
  return stripLocation(bytes, await inspectPhoto(bytes));
}

/** Every EXIF, XMP and IPTC tag exifr can find, flattened into one object. */
async function allTags(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const tags: unknown = await parse(bytes, { xmp: true, iptc: true, icc: false, makerNote: true, userComment: true });
  return typeof tags === "object" && tags !== null ? (tags as Record<string, unknown>) : {};
}

/** exifr cannot open WebP, so hand it the EXIF block sharp finds, minus its "Exif\0\0" header. */
async function webpExifTags(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const { exif } = await sharp(bytes).metadata();
  if (!exif) return {};
  expect(exif.subarray(0, 6).toString("latin1")).toBe("Exif\0\0");
  return allTags(exif.subarray(6));
}

const LOCATING_TAG = /gps|latitude|longitude|city|location|country|province|state|altitude/i;

describe("stripLocation", () => {
  it("starts from a fixture that really does give the location away", async () => {
    const original = fixture("camera-and-gps.jpg");
    expect(await gps(original)).toMatchObject({ latitude: expect.closeTo(51.509, 3) });
    expect(await allTags(original)).toMatchObject({ City: "London", Sublocation: "Trafalgar Square" });
  });

  it("removes GPS from a JPEG", async () => {
    const out = await cleaned("camera-and-gps.jpg");
    expect(await gps(out)).toBeUndefined();
  });

  it("leaves no GPS, XMP or IPTC tag that could place the photo", async () => {
    const tagNames = Object.keys(await allTags(await cleaned("camera-and-gps.jpg")));
    expect(tagNames.filter((name) => LOCATING_TAG.test(name))).toEqual([]);
  });

  it("drops XMP and IPTC altogether", async () => {
    const { xmp, iptc } = await sharp(await cleaned("camera-and-gps.jpg")).metadata();
    expect({ xmp, iptc }).toEqual({ xmp: undefined, iptc: undefined });
  });

  it("keeps the camera's make and model so captions survive", async () => {
    const tags = await allTags(await cleaned("camera-and-gps.jpg"));
    expect(tags).toMatchObject({ Make: "Canon", Model: "Canon EOS 5D Mark IV" });
    expect(tags).not.toHaveProperty("DateTimeOriginal");
  });

  it("turns the pixels upright so the lost Orientation tag is not needed", async () => {
    const { width, height, orientation } = await sharp(await cleaned("camera-and-gps.jpg")).metadata();
    expect({ width, height }).toEqual({ width: 600, height: 800 });
    expect(orientation ?? 1).toBe(1);
  });

  it("keeps the ICC colour profile and the format", async () => {
    const { format, icc } = await sharp(await cleaned("camera-and-gps.jpg")).metadata();
    expect(format).toBe("jpeg");
    expect(icc).toBeDefined();
  });

  it("removes GPS from a WebP and keeps it a WebP with its camera", async () => {
    const out = await cleaned("photo.webp");
    expect((await sharp(out).metadata()).format).toBe("webp");
    const tags = await webpExifTags(out);
    expect(Object.keys(tags).filter((name) => LOCATING_TAG.test(name))).toEqual([]);
    expect(tags).toMatchObject({ Make: "SONY", Model: "ILCE-7M3" });
  });

  it("keeps a PNG lossless and adds no EXIF to a photo that had none", async () => {
    const original = fixture("plain.png");
    const out = await cleaned("plain.png");
    const { format, exif } = await sharp(out).metadata();
    expect({ format, exif }).toEqual({ format: "png", exif: undefined });
    expect(await sharp(out).raw().toBuffer()).toEqual(await sharp(original).raw().toBuffer());
  });

  it("refuses an inspection that belongs to another file", async () => {
    const inspection = await inspectPhoto(fixture("plain.png"));
    await expect(stripLocation(fixture("camera-and-gps.jpg"), inspection)).rejects.toThrow(/different file/);
  });

  it("reports a photo whose header is fine but whose body will not decode as damaged", async () => {
    const original = fixture("camera-and-gps.jpg");
    const truncated = original.slice(0, Math.floor(original.length * 0.6));
    const inspection = await inspectPhoto(truncated);
    const failure = await stripLocation(truncated, inspection).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PhotoRejectedError);
    expect(failure).toMatchObject({ code: "unreadable" });
  });
});
