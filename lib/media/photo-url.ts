import type { PHOTO_WIDTHS } from "@/lib/media/responsive-sizes";
import { routes } from "@/lib/routes";

/** One of the widths /media/{id}/{width} publishes. */
export type PhotoWidth = (typeof PHOTO_WIDTHS)[number];

/** The newsroom's thumbnails: the narrowest published width. */
export const THUMBNAIL_WIDTH: PhotoWidth = 320;

/**
 * A library photo's address (lib/routes): the cleaned original, or one published width.
 * The bytes behind an address never change, so browsers and CDNs keep them for a year.
 */
export const photoUrl = routes.photo;
