"use client";

import Image, { type ImageLoader } from "next/image";

type PhotoImageProps = {
  /** The photo's original address, `/media/{id}`; each width is served beneath it. */
  src: string;
  alt: string;
  width: number;
  height: number;
  sizes: string;
  /** The widths /media publishes that are worth offering for this photo, narrowest first. */
  publishedWidths: readonly number[];
  /** The lead photo is the page's largest image: fetch it first rather than lazily. */
  preload?: boolean;
  className?: string;
};

/** The narrowest published width at least as wide as the browser asked for, or the widest there is. */
function publishedWidthFor(requested: number, publishedWidths: readonly number[]): number {
  return publishedWidths.find((width) => width >= requested) ?? Math.max(...publishedWidths);
}

/**
 * A library photo through next/image. Our own /media route makes each size
 * with sharp and keeps it, so the loader only points each srcset entry at the
 * nearest size we publish; Next's optimiser never sees these photos.
 */
export function PhotoImage({ publishedWidths, alt, ...image }: PhotoImageProps) {
  const loader: ImageLoader = ({ src, width }) => `${src}/${publishedWidthFor(width, publishedWidths)}`;
  return <Image {...image} alt={alt} loader={loader} />;
}
