/**
 * Tells what kind of file an upload is from its first bytes. A file's name and
 * the browser's Content-Type are whatever the sender says, so neither is
 * trusted: a text file renamed "photo.jpg" is still text.
 */

export type PhotoMimeType = "image/jpeg" | "image/png" | "image/webp";

export type SniffedType =
  | { accepted: true; mimeType: PhotoMimeType }
  /** `description` completes "This file is …"; null when the bytes match nothing we know. */
  | { accepted: false; description: string | null };

interface Signature {
  offset: number;
  bytes: readonly number[];
}

const ascii = (text: string): number[] => [...text].map((character) => character.charCodeAt(0));

const ACCEPTED: ReadonlyArray<{ mimeType: PhotoMimeType; signatures: Signature[][] }> = [
  { mimeType: "image/jpeg", signatures: [[{ offset: 0, bytes: [0xff, 0xd8, 0xff] }]] },
  {
    mimeType: "image/png",
    signatures: [[{ offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }]],
  },
  {
    mimeType: "image/webp",
    signatures: [
      [
        { offset: 0, bytes: ascii("RIFF") },
        { offset: 8, bytes: ascii("WEBP") },
      ],
    ],
  },
];

// Formats editors plausibly try to upload, named so the refusal says what went wrong.
const REFUSED: ReadonlyArray<{ description: string; signatures: Signature[][] }> = [
  {
    description: "a GIF",
    signatures: [[{ offset: 0, bytes: ascii("GIF87a") }], [{ offset: 0, bytes: ascii("GIF89a") }]],
  },
  {
    description: "a TIFF or camera raw file",
    signatures: [[{ offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] }], [{ offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] }]],
  },
  // "BM" alone would match any text starting "BM"; the reserved header words are always zero.
  {
    description: "a BMP",
    signatures: [
      [
        { offset: 0, bytes: ascii("BM") },
        { offset: 6, bytes: [0, 0, 0, 0] },
      ],
    ],
  },
  { description: "an icon file", signatures: [[{ offset: 0, bytes: [0x00, 0x00, 0x01, 0x00] }]] },
  { description: "a PDF", signatures: [[{ offset: 0, bytes: ascii("%PDF-") }]] },
  { description: "a Photoshop document", signatures: [[{ offset: 0, bytes: ascii("8BPS") }]] },
  {
    description: "a JPEG XL image",
    signatures: [
      [{ offset: 0, bytes: [0xff, 0x0a] }],
      [{ offset: 0, bytes: [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20, 0x0d, 0x0a, 0x87, 0x0a] }],
    ],
  },
  {
    description: "a JPEG 2000 image",
    signatures: [[{ offset: 0, bytes: [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a] }]],
  },
  { description: "a ZIP archive or Office document", signatures: [[{ offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] }]] },
];

// ISO base media files ("ftyp" box) hold HEIC, AVIF and video alike; the brand tells them apart.
const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]);
const AVIF_BRANDS = new Set(["avif", "avis"]);

const TEXT_SAMPLE_BYTES = 1024;

export function sniffImageType(bytes: Uint8Array): SniffedType {
  const accepted = ACCEPTED.find(({ signatures }) => matchesAny(bytes, signatures));
  if (accepted) return { accepted: true, mimeType: accepted.mimeType };
  return { accepted: false, description: describeRefusedType(bytes) };
}

function describeRefusedType(bytes: Uint8Array): string | null {
  const known = REFUSED.find(({ signatures }) => matchesAny(bytes, signatures));
  if (known) return known.description;
  return describeIsoMediaFile(bytes) ?? describeTextFile(bytes);
}

function describeIsoMediaFile(bytes: Uint8Array): string | null {
  if (!matches(bytes, { offset: 4, bytes: ascii("ftyp") })) return null;
  const brand = String.fromCharCode(...bytes.subarray(8, 12));
  if (HEIC_BRANDS.has(brand)) return "a HEIC photo (the iPhone's default format)";
  if (AVIF_BRANDS.has(brand)) return "an AVIF image";
  return "a video";
}

function describeTextFile(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, TEXT_SAMPLE_BYTES);
  if (sample.length === 0 || !looksLikeText(sample)) return null;
  const text = new TextDecoder("utf-8").decode(sample).trimStart();
  // SVG is XML text, so it can only be told from other text by its root element.
  if (text.startsWith("<") && /<svg[\s>]/i.test(text)) return "an SVG drawing";
  return "text, not a photo";
}

/** Binary formats are full of control bytes; text has none bar tab, newlines and form feed. */
function looksLikeText(sample: Uint8Array): boolean {
  return sample.every((byte) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d);
}

function matchesAny(bytes: Uint8Array, alternatives: readonly Signature[][]): boolean {
  return alternatives.some((parts) => parts.every((part) => matches(bytes, part)));
}

function matches(bytes: Uint8Array, { offset, bytes: expected }: Signature): boolean {
  return expected.every((byte, index) => bytes[offset + index] === byte);
}
