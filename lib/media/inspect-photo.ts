import "server-only";

import { createHash } from "node:crypto";

import sharp, { type FormatEnum, type Metadata, type Sharp } from "sharp";

import { cameraName } from "@/lib/media/camera-name";
import { readPhotoExif } from "@/lib/media/photo-exif";
import { type PhotoMimeType, sniffImageType } from "@/lib/media/sniff-image-type";
import { tooLargeMessage } from "@/lib/media/upload-limit";

export type { PhotoMimeType } from "@/lib/media/sniff-image-type";

/** 25 MB: well above a full-resolution JPEG straight off a professional camera. */
export const MAX_PHOTO_BYTES = 25 * 1024 * 1024;

/** 50 megapixels: bigger than any camera newsroom staff use, smaller than a decompression bomb. */
export const MAX_PHOTO_PIXELS = 50_000_000;

const UPLOAD_INSTEAD = "upload a JPEG, PNG or WebP photo.";

const FORMAT_OF: Record<PhotoMimeType, keyof FormatEnum> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/webp": "webp",
};

export type PhotoRejectionCode =
  "empty" | "too-large" | "unsupported-type" | "too-many-pixels" | "animated" | "unreadable";

/** An upload refused for a reason the editor can fix; `reason` is written for them. */
export class PhotoRejectedError extends Error {
  readonly code: PhotoRejectionCode;
  readonly reason: string;

  constructor(code: PhotoRejectionCode, reason: string, options?: ErrorOptions) {
    super(reason, options);
    this.name = "PhotoRejectedError";
    this.code = code;
    this.reason = reason;
  }
}

export interface PhotoInspection {
  mimeType: PhotoMimeType;
  /** As displayed, i.e. after EXIF orientation: a portrait shot stored sideways is taller than wide. */
  width: number;
  height: number;
  byteSize: number;
  /** sha256 of the uploaded bytes, hex. */
  contentHash: string;
  /** "Canon EOS 5D Mark IV", for "Taken with …" captions. */
  camera: string | null;
  capturedAt: Date | null;
}

/**
 * Checks an upload is a photo we accept and describes it, reading only the
 * file's header: nothing is decoded, so a hostile file costs almost nothing.
 * Throws PhotoRejectedError for anything an editor should re-export or replace.
 */
export async function inspectPhoto(bytes: Uint8Array): Promise<PhotoInspection> {
  refuseBadSize(bytes);
  const mimeType = acceptedTypeOf(bytes);
  const metadata = await readHeader(bytes, mimeType);
  refuseTooManyPixels(metadata);
  refuseAnimation(metadata);
  const exif = await readPhotoExif(metadata.exif);
  return {
    mimeType,
    width: metadata.autoOrient.width,
    height: metadata.autoOrient.height,
    byteSize: bytes.byteLength,
    contentHash: createHash("sha256").update(bytes).digest("hex"),
    camera: cameraName(exif.make, exif.model),
    capturedAt: exif.capturedAt,
  };
}

/** Opens the photo for sharp with the same pixel ceiling inspectPhoto enforces. */
export function openPhoto(bytes: Uint8Array): Sharp {
  return sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS });
}

function refuseBadSize(bytes: Uint8Array): void {
  if (bytes.byteLength === 0) {
    throw new PhotoRejectedError("empty", `This file is empty; ${UPLOAD_INSTEAD}`);
  }
  const tooLarge = tooLargeMessage(bytes.byteLength, MAX_PHOTO_BYTES);
  if (tooLarge) throw new PhotoRejectedError("too-large", tooLarge);
}

function acceptedTypeOf(bytes: Uint8Array): PhotoMimeType {
  const sniffed = sniffImageType(bytes);
  if (sniffed.accepted) return sniffed.mimeType;
  const reason = sniffed.description
    ? `This file is ${sniffed.description}; ${UPLOAD_INSTEAD}`
    : `This file is not a photo we can read; ${UPLOAD_INSTEAD}`;
  throw new PhotoRejectedError("unsupported-type", reason);
}

/**
 * sharp's metadata() parses the header only. Its own pixel limit is switched
 * off here so that refuseTooManyPixels, not a generic libvips error, explains
 * the refusal; every pipeline that decodes goes through openPhoto instead.
 */
async function readHeader(bytes: Uint8Array, mimeType: PhotoMimeType): Promise<Metadata> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw damagedPhotoError(mimeType, error);
  }
  if (metadata.format !== FORMAT_OF[mimeType]) throw damagedPhotoError(mimeType);
  return metadata;
}

function refuseTooManyPixels({ width, height }: Metadata): void {
  if (width * height <= MAX_PHOTO_PIXELS) return;
  throw new PhotoRejectedError(
    "too-many-pixels",
    `This image is ${width} × ${height} pixels (${megapixels(width * height)} megapixels); ` +
      `photos can be at most ${megapixels(MAX_PHOTO_PIXELS)} megapixels. Resize it and upload it again.`,
  );
}

// sharp would keep only the first frame, silently turning a clip into a still.
function refuseAnimation({ pages }: Metadata): void {
  if ((pages ?? 1) <= 1) return;
  throw new PhotoRejectedError("animated", `This file is an animation; ${UPLOAD_INSTEAD}`);
}

/** Also used once decoding starts, when a header that looked fine turns out to front a broken file. */
export function damagedPhotoError(mimeType: PhotoMimeType, cause?: unknown): PhotoRejectedError {
  const format = FORMAT_OF[mimeType].toUpperCase().replace("WEBP", "WebP");
  return new PhotoRejectedError(
    "unreadable",
    `This ${format} file is damaged or incomplete; export the photo again and upload the new file.`,
    { cause },
  );
}

function megapixels(pixelCount: number): string {
  return Math.ceil(pixelCount / 1_000_000).toString();
}
