import type { PHOTO_WIDTHS } from "@/lib/media/responsive-sizes";

/** One of the widths /media/{id}/{width} publishes. */
export type PhotoWidth = (typeof PHOTO_WIDTHS)[number];

/** The newsroom's thumbnails: the narrowest published width. */
export const THUMBNAIL_WIDTH: PhotoWidth = 320;

/**
 * A library photo's address: the cleaned original, or one published width.
 * The bytes behind an address never change, so browsers and CDNs keep them for a year.
 */
export function photoUrl(id: string, width?: PhotoWidth): string {
  return width === undefined ? `/media/${id}` : `/media/${id}/${width}`;
}
