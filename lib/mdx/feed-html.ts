import { randomUUID } from "node:crypto";
import type { Element, ElementContent, Properties, Root as HtmlRoot, RootContent as HtmlContent } from "hast";
import type { Root } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx";
import rehypeStringify from "rehype-stringify";
import remarkRehype, { type Options as ToHtmlOptions } from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { photoUrl, type PhotoWidth } from "@/lib/media/photo-url";
import { isPhotoId } from "./photo-references";

/** A photo as a feed shows it; without `photoId` (or its size) the newsroom has only its description. */
export type FeedPhoto = {
  caption: string;
  alt?: string | null;
  camera?: string | null;
  credit?: string | null;
  /** Set for a graphic photo: a feed shows this warning and a link to the story, never the image. */
  graphicWarning?: string | null;
  photoId?: string | null;
  width?: number | null;
  height?: number | null;
};

/**
 * A feed item's body as stored at save: its finished HTML, cut open only where an address
 * depends on what a save cannot settle for good. A site path becomes absolute against the site's
 * address, which comes from the environment (a staging copy of the database serves another one);
 * a library photo's address is made by the photo route's template (lib/routes), which may change
 * after the save. Everything else is decided at save: the allow-listed components as plain
 * elements, escaping, headings. A feed request only joins the parts, and parses nothing.
 *
 * Stored as parts rather than as a tree: about the size of the HTML itself, and joining is all
 * a feed needs. A body Figure's caption, alt text and credit are its own attributes, as on the
 * page, so they are settled at save too; the library's current text reaches a feed through the
 * lead photo, which is read from the library on every feed build (`leadPhoto` below).
 */
export type FeedBodyPart = string | { sitePath: string } | { photo: string };
export type FeedBody = FeedBodyPart[];

type Handler = NonNullable<NonNullable<ToHtmlOptions["handlers"]>["mdxJsxFlowElement"]>;
type State = Parameters<Handler>[0];
type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

// A feed reader's column is about as wide as the page's story column (768 px): the narrowest published width
// that covers it.
export const FEED_PHOTO_WIDTH: PhotoWidth = 960;

// A site path is judged at save by how it resolves against an address of the site's kind (http or https).
const ANY_SITE = "https://site.invalid/";

// The images made for library photos: their address is a photo part, filled in when the feed is built.
const libraryPhotoImages = new WeakMap<Element, string>();

function element(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: "element", tagName, properties, children };
}

const text = (value: string): ElementContent => ({ type: "text", value });

/** The safety check allowed only plain-text attributes, so anything else is absent. */
function attribute(node: JsxElement, name: string): string | undefined {
  const found = node.attributes.find((candidate) => candidate.type === "mdxJsxAttribute" && candidate.name === name);
  return typeof found?.value === "string" ? found.value : undefined;
}

/** Attributes are text: a size is whole pixels or nothing, as on the page. */
function pixels(value: string | undefined): number | null {
  return value !== undefined && /^[1-9]\d{0,4}$/.test(value) ? Number.parseInt(value, 10) : null;
}

function photoFromFigure(node: JsxElement): FeedPhoto {
  const photo = attribute(node, "photo");
  return {
    caption: attribute(node, "caption") ?? "",
    alt: attribute(node, "alt"),
    camera: attribute(node, "camera"),
    credit: attribute(node, "credit"),
    // Lower case, as /media writes its addresses: each photo has exactly one.
    photoId: photo !== undefined && isPhotoId(photo) ? photo.toLowerCase() : null,
    width: pixels(attribute(node, "width")),
    height: pixels(attribute(node, "height")),
  };
}

/** The published width is never wider than the photo itself, and keeps its proportions. */
function imageElement({ photoId, width, height, alt, caption }: FeedPhoto): Element | null {
  if (!photoId || !width || !height) return null;
  const shownWidth = Math.min(width, FEED_PHOTO_WIDTH);
  const image = element("img", {
    src: "",
    // A Figure copies its alt text when inserted, perhaps before anyone wrote it: never leave the image unnamed.
    alt: alt || caption,
    width: shownWidth,
    height: Math.round((height * shownWidth) / width),
  });
  libraryPhotoImages.set(image, photoId);
  return image;
}

function captionElement({ caption, camera, credit }: FeedPhoto): Element {
  const lines = [caption, camera ? `Taken with ${camera}` : null, credit ? `Photo: ${credit}` : null];
  const children = lines
    .filter((line): line is string => Boolean(line))
    .flatMap((line, index) => (index === 0 ? [text(line)] : [element("br", {}), text(line)]));
  return element("figcaption", {}, children);
}

/** What a feed shows instead of a graphic photo: feed readers have no way to hold it back. */
function graphicWarningElement(warning: string, storyUrl: string): Element {
  return element("p", {}, [
    element("strong", {}, [text("Warning: graphic image.")]),
    text(` ${warning} `),
    element("a", { href: storyUrl }, [text("See the photo on the story’s page")]),
    text("."),
  ]);
}

function figureElement(photo: FeedPhoto, storyUrl?: string): Element {
  const image =
    photo.graphicWarning && storyUrl ? graphicWarningElement(photo.graphicWarning, storyUrl) : imageElement(photo);
  return element("figure", {}, [...(image ? [image] : []), captionElement(photo)]);
}

function pullQuoteElement(by: string | undefined, quote: ElementContent[]): Element {
  const citation = by ? [element("p", {}, [text("— "), element("cite", {}, [text(by)])])] : [];
  return element("blockquote", {}, [...quote, ...citation]);
}

function asideElement(title: string | undefined, body: ElementContent[]): Element {
  const heading = title ? [element("p", {}, [element("strong", {}, [text(title)])])] : [];
  return element("aside", {}, [...heading, ...body]);
}

/** The allow-listed components as the plain HTML a feed reader understands: no classes, no scripts. */
function componentToHtml(state: State, node: JsxElement): Element {
  switch (node.name) {
    case "Figure":
      return figureElement(photoFromFigure(node));
    case "PullQuote":
      return pullQuoteElement(attribute(node, "by"), state.all(node));
    case "Aside":
      return asideElement(attribute(node, "title"), state.all(node));
    default:
      throw new Error(`<${node.name ?? ""}> passed the safety check but has no feed rendering.`);
  }
}

type Address = Exclude<FeedBodyPart, string>;

/**
 * A feed item is read away from the site, so a site path will carry the site's address; a
 * fragment stays as it is, pointing within the item itself, and an absolute address is final.
 * Null for an address no browser could follow.
 */
function settleAddress(value: string): { final: string } | Address | null {
  if (value.startsWith("#")) return { final: value };
  if (URL.canParse(value)) return { final: new URL(value).href };
  return URL.canParse(value, ANY_SITE) ? { sitePath: value } : null;
}

/**
 * The tree's HTML with each open address cut out as a part: the address is replaced by a mark no
 * story can contain (it is drawn afresh for every body), and the HTML is split where the marks are.
 */
function toFeedBody(tree: HtmlRoot): FeedBody {
  const open: Address[] = [];
  const mark = `feed-address-${randomUUID()}-`;
  visit(tree, "element", (node: Element) => {
    const name = node.tagName === "img" ? "src" : node.tagName === "a" ? "href" : null;
    const value = name ? node.properties[name] : undefined;
    if (!name || typeof value !== "string") return;
    const photo = libraryPhotoImages.get(node);
    const settled = photo ? { photo } : settleAddress(value);
    if (settled === null) {
      // Keep the words, drop the link.
      node.tagName = "span";
      node.properties = {};
    } else if ("final" in settled) {
      node.properties[name] = settled.final;
    } else {
      node.properties[name] = `${mark}${open.length}.`;
      open.push(settled);
    }
  });
  // A lone surrogate (a broken escape in the source) can be neither stored as JSON nor sent in XML.
  const pieces = html
    .stringify(tree)
    .toWellFormed()
    .split(new RegExp(`${mark}(\\d+)\\.`));
  return pieces
    .map((piece, index): FeedBodyPart => (index % 2 === 0 ? piece : open[Number(piece)]!))
    .filter((part) => part !== "");
}

// The headline is the item's title, so a top-level heading in the body becomes a subheading, as on the page.
function demoteTopHeadings(tree: HtmlRoot): void {
  visit(tree, "element", (node: Element) => {
    if (node.tagName === "h1") node.tagName = "h2";
  });
}

const toHtmlTree = unified().use(remarkRehype, {
  handlers: { mdxJsxFlowElement: componentToHtml, mdxJsxTextElement: componentToHtml },
});

const html = unified().use(rehypeStringify);

/**
 * An article's body as a feed item's content, built at save from the tree the safety check
 * passed (parse-article.ts): the allow-listed components become plain elements, without React.
 * The tree is read, not changed.
 */
export function feedBodyFromTree(tree: Root): FeedBody {
  const body = toHtmlTree.runSync(tree) as HtmlRoot;
  demoteTopHeadings(body);
  return toFeedBody(body);
}

const HTML_ATTRIBUTE_ESCAPES = /["&'`]/g;

/** An address as the value of a quoted attribute, escaped as the stored HTML was (hast-util-to-html). */
function attributeText(value: string): string {
  return value.replace(
    HTML_ATTRIBUTE_ESCAPES,
    (character) => `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`,
  );
}

function addressOn(part: Address, siteUrl: string): string {
  const path = "photo" in part ? photoUrl(part.photo, FEED_PHOTO_WIDTH) : part.sitePath;
  return attributeText(new URL(path, siteUrl).href);
}

// How the stored HTML around a library photo's address reads: `<img src="` before it, and the rest
// of the tag after it, every attribute value double-quoted with its own quotes escaped (hast-util-to-html).
const IMAGE_TAG_START = '<img src="';
const IMAGE_TAG_REST = /^"(?:\s+[\w:-]+(?:="[^"]*")?)*\s*\/?>/;

/**
 * A body photo marked graphic after the story was saved: the stored `<img>` around its address is
 * cut out and the warning put in its place. Should the HTML around it ever read otherwise, the
 * image still shows nothing: its address stays empty.
 */
function withGraphicPhotosHeldBack(
  parts: FeedBodyPart[],
  graphicPhotos: Record<string, string>,
  storyUrl: string,
): FeedBodyPart[] {
  const held: FeedBodyPart[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    const warning = typeof part === "object" && "photo" in part ? graphicPhotos[part.photo] : undefined;
    if (warning === undefined) {
      held.push(part);
      continue;
    }
    const before = held.at(-1);
    const after = parts[index + 1];
    const rest = typeof after === "string" ? IMAGE_TAG_REST.exec(after) : null;
    const warningHtml = html.stringify({ type: "root", children: [graphicWarningElement(warning, storyUrl)] });
    if (typeof before === "string" && before.endsWith(IMAGE_TAG_START) && rest && typeof after === "string") {
      held[held.length - 1] = before.slice(0, -IMAGE_TAG_START.length) + warningHtml;
      held.push(after.slice(rest[0].length));
      index += 1;
    }
    // Otherwise the address is left empty: the image loads nothing.
  }
  return held;
}

/**
 * The HTML of a feed item's content: the stored body (null for a row whose model was never
 * built: it shows none of its body) with every open address made absolute on `siteUrl`. The lead
 * photo, when given, comes first, as it does on the page, with the library's current text. A
 * graphic photo (the lead, or one in `graphicPhotos`) shows as its warning and a link to `storyUrl`.
 */
export function feedItemHtml(
  body: FeedBody | null,
  siteUrl: string,
  {
    leadPhoto = null,
    graphicPhotos = {},
    storyUrl = siteUrl,
  }: { leadPhoto?: FeedPhoto | null; graphicPhotos?: Record<string, string>; storyUrl?: string } = {},
): string {
  const lead = leadPhoto
    ? [...toFeedBody({ type: "root", children: [figureElement(leadPhoto, storyUrl) as HtmlContent] }), "\n"]
    : [];
  const bodyParts =
    Object.keys(graphicPhotos).length > 0
      ? withGraphicPhotosHeldBack(body ?? [], graphicPhotos, storyUrl)
      : (body ?? []);
  return [...lead, ...bodyParts].map((part) => (typeof part === "string" ? part : addressOn(part, siteUrl))).join("");
}
