import "server-only";

import { createHash } from "node:crypto";

import type { Sharp } from "sharp";

import { damagedPhotoError, openPhoto, type PhotoInspection, type PhotoMimeType } from "@/lib/media/inspect-photo";
import { type PhotoExif, readPhotoExif } from "@/lib/media/photo-exif";

/**
 * Re-encodes an inspected upload into the file we store and serve as the
 * "original": turned upright, in the same format, with every piece of
 * metadata that could place the photographer or a source removed.
 *
 * Rather than hunt down GPS, XMP, IPTC locations and maker notes one by one
 * (and miss the next hiding place), everything is dropped and only two
 * harmless things are put back: the ICC profile, so colours stay true, and
 * EXIF Make/Model, so "Taken with …" survives. Orientation is applied to the
 * pixels because its EXIF tag is gone too.
 */
export async function stripLocation(bytes: Uint8Array, inspection: PhotoInspection): Promise<Uint8Array> {
  assertInspectionDescribes(inspection, bytes);
  const photo = openPhoto(bytes);
  try {
    const camera = await readPhotoExif((await photo.metadata()).exif);
    const cleaned = withCameraOnly(photo.autoOrient().keepIccProfile(), camera);
    const { data } = await encodeLike(cleaned, inspection.mimeType).toUint8Array();
    return data;
  } catch (error) {
    // The header passed inspection, so a failure here is a body that will not decode.
    throw damagedPhotoError(inspection.mimeType, error);
  }
}

// The output format comes from the inspection, so it had better be this file's.
function assertInspectionDescribes(inspection: PhotoInspection, bytes: Uint8Array): void {
  const contentHash = createHash("sha256").update(bytes).digest("hex");
  if (contentHash !== inspection.contentHash) {
    throw new Error("stripLocation was given an inspection of a different file");
  }
}

function withCameraOnly(photo: Sharp, { make, model }: PhotoExif): Sharp {
  const tags: Record<string, string> = {};
  if (make) tags.Make = make;
  if (model) tags.Model = model;
  return Object.keys(tags).length > 0 ? photo.withExif({ IFD0: tags }) : photo;
}

function encodeLike(photo: Sharp, mimeType: PhotoMimeType): Sharp {
  switch (mimeType) {
    case "image/jpeg":
      return photo.jpeg({ quality: 90, mozjpeg: true });
    case "image/webp":
      return photo.webp({ quality: 90 });
    case "image/png":
      return photo.png();
  }
}
