import type { ReactNode } from "react";
import { PhotoImage } from "@/components/photo-image";
import { PHOTO_WIDTHS } from "@/lib/media/responsive-sizes";
import { routes } from "@/lib/routes";

export type ArticlePhotoProps = {
  caption: string;
  alt?: string | null;
  camera?: string | null;
  credit?: string | null;
  /** Set for a graphic photo: readers see this warning over a placeholder and choose to look. */
  graphicWarning?: string | null;
  variant?: "lead" | "inline";
  /** A library photo with a file; without it (or its size) the photo is only described. */
  photoId?: string | null;
  width?: number | null;
  height?: number | null;
};

// Stories sit in a 768-pixel column (max-w-3xl) and fill the screen below that.
const ARTICLE_COLUMN_SIZES = "(min-width: 768px) 768px, 100vw";

/** Every published width at or above the photo's own is the same file (never enlarged): offer only the first. */
function widthsWorthOffering(photoWidth: number): readonly number[] {
  const firstCovering = PHOTO_WIDTHS.findIndex((width) => width >= photoWidth);
  return firstCovering === -1 ? PHOTO_WIDTHS : PHOTO_WIDTHS.slice(0, firstCovering + 1);
}

const CAMERA_BODY =
  "M3 8.5A2.5 2.5 0 0 1 5.5 6h1.6l1.2-1.8A1.5 1.5 0 0 1 9.5 3.5h5a1.5 1.5 0 0 1 1.2.7L16.9 6h1.6A2.5 2.5 0 0 1 " +
  "21 8.5v9a2.5 2.5 0 0 1-2.5 2.5h-13A2.5 2.5 0 0 1 3 17.5z";
const DESCRIBED_PHOTO_CLASSES =
  "flex items-center justify-center rounded-sm bg-stone-200 text-stone-500 dark:bg-stone-800 dark:text-stone-400";
const CAPTION_CLASSES =
  "mt-2 border-l-2 border-stone-300 pl-3 font-sans text-sm leading-snug text-stone-600 " +
  "dark:border-stone-600 dark:text-stone-300";

function CameraGlyph() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-10 opacity-40"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <path d={CAMERA_BODY} />
      <circle cx="12" cy="12.5" r="3.5" />
    </svg>
  );
}

function DescribedPhoto({ label, variant }: { label: string; variant: "lead" | "inline" }) {
  return (
    <div
      role="img"
      aria-label={label}
      className={`${DESCRIBED_PHOTO_CLASSES} ${variant === "lead" ? "aspect-[16/9]" : "aspect-[16/8]"}`}
    >
      <CameraGlyph />
    </div>
  );
}

const GRAPHIC_PLACEHOLDER_CLASSES =
  "flex w-full flex-col items-center justify-center gap-2 rounded-sm bg-linear-to-br from-stone-600 " +
  "via-stone-500 to-stone-700 p-6 text-center font-sans text-white group-open:hidden";
const SHOW_BUTTON_CLASSES =
  "mt-2 rounded-sm bg-white px-4 py-2 text-sm font-semibold text-stone-950 group-hover:bg-stone-100";

/**
 * A graphic photo behind its warning. A disclosure rather than a script: it opens without
 * JavaScript, screen readers announce it as a collapsed button with the warning as its name, and
 * the image, lazy inside the closed disclosure, is not fetched until the reader opens it.
 */
function GraphicPhoto({ warning, ratio, children }: { warning: string; ratio: string; children: ReactNode }) {
  return (
    <details className="group" data-graphic-photo>
      <summary className="cursor-pointer list-none [&::-webkit-details-marker]:hidden">
        <span className={GRAPHIC_PLACEHOLDER_CLASSES} style={{ aspectRatio: ratio }}>
          <span className="text-sm font-bold tracking-wider uppercase">Warning: graphic image</span>
          <span className="max-w-md text-base">{warning}</span>
          <span className={SHOW_BUTTON_CLASSES}>Show the photo</span>
        </span>
        <span className="hidden font-sans text-sm underline group-open:inline">Hide the photo</span>
      </summary>
      {children}
    </details>
  );
}

/**
 * A news photo with its caption, camera and credit. Some stories arrive with a
 * photo described but not yet supplied: the description still stands in as the
 * image's text alternative and its caption, so no part of the story is lost.
 */
export function ArticlePhoto({
  caption,
  alt,
  camera,
  credit,
  graphicWarning,
  variant = "inline",
  photoId,
  width,
  height,
}: ArticlePhotoProps) {
  const image =
    photoId && width && height ? (
      <PhotoImage
        src={routes.photo(photoId)}
        publishedWidths={widthsWorthOffering(width)}
        // A Figure copies its alt text when inserted, perhaps before anyone wrote it: never leave the image unnamed.
        alt={alt || caption}
        width={width}
        height={height}
        sizes={ARTICLE_COLUMN_SIZES}
        // Never fetched ahead for a graphic photo: only when the reader asks to see it.
        preload={variant === "lead" && !graphicWarning}
        className="h-auto w-full rounded-sm bg-stone-200 dark:bg-stone-800"
      />
    ) : null;
  return (
    <figure className={variant === "lead" ? "not-prose my-6" : "not-prose my-8"} data-photo>
      {image && graphicWarning ? (
        <GraphicPhoto warning={graphicWarning} ratio={`${width} / ${height}`}>
          {image}
        </GraphicPhoto>
      ) : (
        (image ?? <DescribedPhoto label={alt ?? caption} variant={variant} />)
      )}
      <figcaption className={CAPTION_CLASSES}>
        <span data-caption>{caption}</span>
        {camera ? (
          <span className="mt-1 block text-xs uppercase tracking-wide text-stone-500 dark:text-stone-400" data-camera>
            Taken with {camera}
          </span>
        ) : null}
        {credit ? <span className="mt-1 block text-xs text-stone-500">Photo: {credit}</span> : null}
      </figcaption>
    </figure>
  );
}
