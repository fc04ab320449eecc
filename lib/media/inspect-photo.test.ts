import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { inspectPhoto, MAX_PHOTO_BYTES, PhotoRejectedError } from "@/lib/media/inspect-photo";

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../test/fixtures/photos", name)));

async function refusal(bytes: Uint8Array): Promise<PhotoRejectedError> {
  try {
    await inspectPhoto(bytes);
  } catch (error) {
    if (error instanceof PhotoRejectedError) return error;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

/** `head` followed by zeros, `size` bytes in all. */
function padded(head: Uint8Array, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(head);
  return bytes;
}

describe("inspectPhoto", () => {
  it("accepts a JPEG and gives its size as displayed, after EXIF orientation", async () => {
    // Stored 800 × 600 with Orientation 6: the camera was held upright.
    const bytes = fixture("camera-and-gps.jpg");
    const inspection = await inspectPhoto(bytes);
    expect(inspection).toMatchObject({ mimeType: "image/jpeg", width: 600, height: 800, byteSize: bytes.byteLength });
  });

  it("hashes the uploaded bytes exactly as received", async () => {
    const bytes = fixture("camera-and-gps.jpg");
    const { contentHash } = await inspectPhoto(bytes);
    expect(contentHash).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads the camera and the moment the photo was taken from EXIF", async () => {
    const { camera, capturedAt } = await inspectPhoto(fixture("camera-and-gps.jpg"));
    expect(camera).toBe("Canon EOS 5D Mark IV");
    // DateTimeOriginal 14:22:05 at OffsetTimeOriginal +01:00.
    expect(capturedAt).toEqual(new Date("2024-03-15T13:22:05Z"));
  });

  it("accepts a PNG with no EXIF, leaving camera and capture time empty", async () => {
    expect(await inspectPhoto(fixture("plain.png"))).toMatchObject({
      mimeType: "image/png",
      width: 64,
      height: 48,
      camera: null,
      capturedAt: null,
    });
  });

  it("accepts a WebP and finds the EXIF inside it", async () => {
    expect(await inspectPhoto(fixture("photo.webp"))).toMatchObject({
      mimeType: "image/webp",
      width: 120,
      height: 80,
      camera: "SONY ILCE-7M3",
      capturedAt: new Date("2023-11-02T08:05:00Z"),
    });
  });

  it("refuses a text file renamed to .jpg, judging by its bytes", async () => {
    const error = await refusal(fixture("not-a-photo.jpg"));
    expect(error.code).toBe("unsupported-type");
    expect(error.reason).toBe("This file is text, not a photo; upload a JPEG, PNG or WebP photo.");
  });

  it("refuses a GIF and says it is a GIF", async () => {
    const error = await refusal(fixture("animation.gif"));
    expect(error.code).toBe("unsupported-type");
    expect(error.reason).toBe("This file is a GIF; upload a JPEG, PNG or WebP photo.");
  });

  it("refuses an SVG, which could carry script", async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await refusal(svg)).reason).toBe("This file is an SVG drawing; upload a JPEG, PNG or WebP photo.");
  });

  it("refuses an iPhone HEIC photo with a hint at where it came from", async () => {
    const heic = Uint8Array.from([0, 0, 0, 0x18, ...new TextEncoder().encode("ftypheic\0\0\0\0mif1heic")]);
    expect((await refusal(heic)).reason).toMatch(/^This file is a HEIC photo \(the iPhone's default format\)/);
  });

  it("refuses an animated WebP rather than publish its first frame", async () => {
    const animated = await sharp(fixture("animation.gif"), { animated: true }).webp().toBuffer();
    expect((await refusal(new Uint8Array(animated))).code).toBe("animated");
  });

  it("refuses a JPEG signature with no picture behind it", async () => {
    const error = await refusal(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]));
    expect(error.code).toBe("unreadable");
    expect(error.reason).toBe(
      "This JPEG file is damaged or incomplete; export the photo again and upload the new file.",
    );
  });

  it("refuses an empty file", async () => {
    expect((await refusal(new Uint8Array())).code).toBe("empty");
  });

  it("refuses a file over the size limit before looking inside it", async () => {
    // A readable JPEG padded past the limit: only the size check can refuse it.
    const error = await refusal(padded(fixture("camera-and-gps.jpg"), MAX_PHOTO_BYTES + 1));
    expect(error.code).toBe("too-large");
    expect(error.reason).toBe(
      "This file is 25.1 MB; photos can be at most 25 MB. Export a smaller JPEG and upload that.",
    );
  });

  it("accepts a file of exactly the size limit", async () => {
    const inspection = await inspectPhoto(padded(fixture("camera-and-gps.jpg"), MAX_PHOTO_BYTES));
    expect(inspection.byteSize).toBe(MAX_PHOTO_BYTES);
  });

  it("refuses a decompression bomb from its header, without decoding it", async () => {
    // A valid 48 KB PNG that would inflate to 20000 × 20000 pixels.
    const bomb = fixture("bomb.png");
    const started = performance.now();
    const error = await refusal(bomb);
    const elapsed = performance.now() - started;
    expect(error.code).toBe("too-many-pixels");
    expect(error.reason).toBe(
      "This image is 20000 × 20000 pixels (400 megapixels); photos can be at most 50 megapixels. Resize it and upload it again.",
    );
    // Decoding 400 megapixels takes the best part of a second even downscaled; reading a header, milliseconds.
    expect(elapsed).toBeLessThan(250);
  });
});
