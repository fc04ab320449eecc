import type { ComponentProps, ReactNode } from "react";
import { ArticlePhoto } from "@/components/article-photo";
import { isSafeImageUrl, isSafeLinkUrl } from "./allow-list";
import { isPhotoId } from "./photo-references";

type FigureProps = {
  caption: string;
  alt?: string;
  camera?: string;
  credit?: string;
  photo?: string;
  width?: string;
  height?: string;
};

/** Attributes are text: a size is whole pixels or nothing, and nothing means "only described". */
function pixels(value: string | undefined): number | null {
  return value !== undefined && /^[1-9]\d{0,4}$/.test(value) ? Number.parseInt(value, 10) : null;
}

/** The library's graphic photos among a story's, by id, with the warning each shows readers. */
export type GraphicPhotos = Record<string, string>;

function figureFor(graphicPhotos: GraphicPhotos) {
  return function Figure({ photo, width, height, ...text }: FigureProps) {
    // Lower case, as /media writes its addresses: each photo has exactly one.
    const photoId = photo !== undefined && isPhotoId(photo) ? photo.toLowerCase() : null;
    return (
      <ArticlePhoto
        {...text}
        photoId={photoId}
        width={pixels(width)}
        height={pixels(height)}
        graphicWarning={photoId ? graphicPhotos[photoId] : null}
      />
    );
  };
}

function PullQuote({ by, children }: { by?: string; children?: ReactNode }) {
  return (
    <figure className="not-prose my-10 border-y-2 border-stone-900 py-6 dark:border-stone-100">
      <blockquote className="font-serif text-2xl leading-snug font-semibold text-balance">{children}</blockquote>
      {by ? (
        <figcaption className="mt-3 font-sans text-sm text-stone-600 dark:text-stone-300">— {by}</figcaption>
      ) : null}
    </figure>
  );
}

function Aside({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <aside
      aria-label={title ?? "Note"}
      className="my-8 rounded-sm bg-stone-100 px-5 py-4 font-sans text-base dark:bg-stone-900 [&>p]:my-2"
    >
      {title ? <p className="font-bold">{title}</p> : null}
      {children}
    </aside>
  );
}

// Checked when the article was saved; checked again here so an old or hand-edited row stays inert.
function ArticleLink({ href, children, ...rest }: ComponentProps<"a">) {
  if (!href || !isSafeLinkUrl(href)) return <span>{children}</span>;
  return (
    <a href={href} {...rest}>
      {children}
    </a>
  );
}

function ArticleImage({ src, alt }: ComponentProps<"img">) {
  if (typeof src !== "string" || !isSafeImageUrl(src)) return null;
  // eslint-disable-next-line @next/next/no-img-element -- in-body images have no known dimensions
  return <img src={src} alt={alt ?? ""} loading="lazy" decoding="async" />;
}

// The headline is the page's only h1, so a top-level heading in the body becomes a subheading.
function ArticleSubheading(props: ComponentProps<"h2">) {
  return <h2 {...props} />;
}

const articleComponentsWith = (graphicPhotos: GraphicPhotos) => ({
  Figure: figureFor(graphicPhotos),
  PullQuote,
  Aside,
  a: ArticleLink,
  img: ArticleImage,
  h1: ArticleSubheading,
});

export const articleComponents = articleComponentsWith({});

export type ArticleComponents = typeof articleComponents;

/** The components for a story some of whose photos are graphic: those show behind their warning. */
export function articleComponentsFor(graphicPhotos: GraphicPhotos): ArticleComponents {
  return Object.keys(graphicPhotos).length === 0 ? articleComponents : articleComponentsWith(graphicPhotos);
}
