import "server-only";

import type { Sharp } from "sharp";

import { openPhoto } from "@/lib/media/inspect-photo";

/** The widths a photo is published at, for `srcset`. */
export const PHOTO_WIDTHS = [320, 640, 960, 1280, 1920] as const;

export type PhotoVariantFormat = "webp" | "jpeg" | "avif";

export interface PhotoVariant {
  bytes: Uint8Array;
  width: number;
  height: number;
  mimeType: string;
}

const MIME_TYPE: Record<PhotoVariantFormat, string> = {
  webp: "image/webp",
  jpeg: "image/jpeg",
  avif: "image/avif",
};

/**
 * Renders one published size of a cleaned photo. A photo narrower than the
 * requested width keeps its own width: enlarging adds bytes, not detail.
 * Variants carry no metadata at all (sharp's default), ICC included: pixels
 * are converted to sRGB, which is what browsers assume.
 */
export async function renderPhotoVariant(
  cleanBytes: Uint8Array,
  { width, format = "webp" }: { width: number; format?: PhotoVariantFormat },
): Promise<PhotoVariant> {
  // Clean photos are already upright; orienting again only matters if handed an uncleaned file.
  const resized = openPhoto(cleanBytes).autoOrient().resize({ width, withoutEnlargement: true });
  const { data, info } = await encode(resized, format).toUint8Array();
  return { bytes: data, width: info.width, height: info.height, mimeType: MIME_TYPE[format] };
}

function encode(photo: Sharp, format: PhotoVariantFormat): Sharp {
  switch (format) {
    case "webp":
      return photo.webp({ quality: 80 });
    case "jpeg":
      return photo.jpeg({ quality: 80, mozjpeg: true });
    case "avif":
      return photo.avif({ quality: 50 });
  }
}
