import { preload } from "react-dom";

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

/**
 * A library photo as a plain server-rendered `<img srcset sizes>`. Our own /media route makes each
 * published width with sharp and keeps it, so the browser picks one from the srcset itself: no image
 * loader, and so no client component and no script on a reader's page. (It also renders inside the
 * staff preview, which a client component only could if the editor's own bundle carried it.)
 */
export function PhotoImage({
  src,
  alt,
  width,
  height,
  sizes,
  publishedWidths,
  preload: first,
  className,
}: PhotoImageProps) {
  const srcSet = publishedWidths.map((published) => `${src}/${published} ${published}w`).join(", ");
  const fallback = `${src}/${publishedWidths.at(-1)}`;
  if (first) preload(fallback, { as: "image", imageSrcSet: srcSet, imageSizes: sizes, fetchPriority: "high" });
  return (
    // eslint-disable-next-line @next/next/no-img-element -- every width is already made by /media; see above
    <img
      src={fallback}
      srcSet={srcSet}
      sizes={sizes}
      alt={alt}
      width={width}
      height={height}
      loading={first ? "eager" : "lazy"}
      fetchPriority={first ? "high" : undefined}
      decoding="async"
      className={className}
    />
  );
}
