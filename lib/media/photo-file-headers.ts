import type { PhotoMimeType } from "@/lib/media/sniff-image-type";

// Every type an upload may be stored as; adding one to PhotoMimeType without a name here fails to compile.
const FILE_EXTENSION: Record<PhotoMimeType, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

const isServedInline = (mimeType: string): mimeType is PhotoMimeType => Object.hasOwn(FILE_EXTENSION, mimeType);

/**
 * How a stored photo is described to the browser. A type upload accepts is shown in place; any
 * other bytes the database might hold (an SVG, HTML) are only ever a download of opaque bytes,
 * so they can never run as a page on this site. The file is named by its id, never by the name
 * it was uploaded with, which can name a source or a place as surely as the GPS the upload loses.
 * `photoId` must already be checked to be a photo id, which keeps the name plain ASCII.
 */
export function photoFileHeaders(
  photoId: string,
  mimeType: string,
): Record<"Content-Type" | "Content-Disposition", string> {
  if (!isServedInline(mimeType)) {
    return {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${photoId}.bin"`,
    };
  }
  return {
    "Content-Type": mimeType,
    "Content-Disposition": `inline; filename="${photoId}.${FILE_EXTENSION[mimeType]}"`,
  };
}
