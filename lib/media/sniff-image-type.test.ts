import { describe, expect, it } from "vitest";

import { sniffImageType } from "@/lib/media/sniff-image-type";

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? [...new TextEncoder().encode(part)] : part)));

/** An ISO base media file starts with a box of type "ftyp" naming its brand. */
const isoMediaFile = (brand: string): Uint8Array => bytes([0, 0, 0, 0x18], "ftyp", brand, [0, 0, 0, 0], "mif1", brand);

describe("sniffImageType", () => {
  it("recognises JPEG, PNG and WebP by their signatures", () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ accepted: true, mimeType: "image/jpeg" });
    expect(sniffImageType(bytes([0x89], "PNG\r\n\x1a\n"))).toEqual({ accepted: true, mimeType: "image/png" });
    expect(sniffImageType(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "))).toEqual({
      accepted: true,
      mimeType: "image/webp",
    });
  });

  it("names a GIF", () => {
    expect(sniffImageType(bytes("GIF89a", [1, 0, 1, 0]))).toEqual({ accepted: false, description: "a GIF" });
  });

  it("names an iPhone HEIC photo and says what it is", () => {
    expect(sniffImageType(isoMediaFile("heic"))).toEqual({
      accepted: false,
      description: "a HEIC photo (the iPhone's default format)",
    });
  });

  it("tells AVIF and video apart from HEIC by the brand", () => {
    expect(sniffImageType(isoMediaFile("avif"))).toEqual({ accepted: false, description: "an AVIF image" });
    expect(sniffImageType(isoMediaFile("qt  "))).toEqual({ accepted: false, description: "a video" });
  });

  it("names an SVG drawing, with or without an XML declaration", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>';
    expect(sniffImageType(bytes(svg))).toEqual({ accepted: false, description: "an SVG drawing" });
    expect(sniffImageType(bytes('\uFEFF<?xml version="1.0"?>\n', svg))).toEqual({
      accepted: false,
      description: "an SVG drawing",
    });
  });

  it("calls other text text, even when it starts like a BMP", () => {
    expect(sniffImageType(bytes("BMW press release\n"))).toEqual({ accepted: false, description: "text, not a photo" });
  });

  it("admits to not knowing a binary format it has never seen", () => {
    expect(sniffImageType(bytes([0x00, 0x01, 0x02, 0x03, 0xfe]))).toEqual({ accepted: false, description: null });
    expect(sniffImageType(new Uint8Array())).toEqual({ accepted: false, description: null });
  });
});
