import type { Element, ElementContent, Properties, Root as HtmlRoot } from "hast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype, { type Options as ToHtmlOptions } from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { photoUrl, type PhotoWidth } from "@/lib/media/photo-url";
import { isPhotoId } from "./photo-references";
import { findParseHazard, findUnsafeConstructs, type MdxIssue } from "./safety";

/** A photo as a feed shows it; without `photoId` (or its size) the newsroom has only its description. */
export type FeedPhoto = {
  caption: string;
  alt?: string | null;
  camera?: string | null;
  credit?: string | null;
  photoId?: string | null;
  width?: number | null;
  height?: number | null;
};

type Handler = NonNullable<NonNullable<ToHtmlOptions["handlers"]>["mdxJsxFlowElement"]>;
type State = Parameters<Handler>[0];
type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

// A feed reader's column is about as wide as the page's story column (768 px): the narrowest published width that covers it.
export const FEED_PHOTO_WIDTH: PhotoWidth = 960;

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
  return element("img", {
    src: photoUrl(photoId, FEED_PHOTO_WIDTH),
    // A Figure copies its alt text when inserted, perhaps before anyone wrote it: never leave the image unnamed.
    alt: alt || caption,
    width: shownWidth,
    height: Math.round((height * shownWidth) / width),
  });
}

function captionElement({ caption, camera, credit }: FeedPhoto): Element {
  const lines = [caption, camera ? `Taken with ${camera}` : null, credit ? `Photo: ${credit}` : null];
  const children = lines
    .filter((line): line is string => Boolean(line))
    .flatMap((line, index) => (index === 0 ? [text(line)] : [element("br", {}), text(line)]));
  return element("figcaption", {}, children);
}

function figureElement(photo: FeedPhoto): Element {
  const image = imageElement(photo);
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

/**
 * A feed item is read away from the site, so a site path must carry the site's
 * address; a fragment stays as it is, pointing within the item itself.
 */
function absoluteUrl(value: string, siteUrl: string): string | null {
  if (value.startsWith("#")) return value;
  try {
    return new URL(value, siteUrl).href;
  } catch {
    return null;
  }
}

function makeAddressesAbsolute(tree: HtmlRoot, siteUrl: string): void {
  visit(tree, "element", (node: Element) => {
    const name = node.tagName === "img" ? "src" : node.tagName === "a" ? "href" : null;
    const value = name ? node.properties[name] : undefined;
    if (!name || typeof value !== "string") return;
    const resolved = absoluteUrl(value, siteUrl);
    if (resolved === null) {
      // An address no browser could follow: keep the words, drop the link.
      node.tagName = "span";
      node.properties = {};
    } else {
      node.properties[name] = resolved;
    }
  });
}

// The headline is the item's title, so a top-level heading in the body becomes a subheading, as on the page.
function demoteTopHeadings(tree: HtmlRoot): void {
  visit(tree, "element", (node: Element) => {
    if (node.tagName === "h1") node.tagName = "h2";
  });
}

const markdown = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkRehype, { handlers: { mdxJsxFlowElement: componentToHtml, mdxJsxTextElement: componentToHtml } });

const html = unified().use(rehypeStringify);

/** The body parsed, if it passes the safety check today; a source that would trap the parser is refused unparsed. */
function checkedTree(bodyMdx: string) {
  const hazard = findParseHazard(bodyMdx);
  const tree = hazard ? null : markdown.parse(bodyMdx);
  const issues: MdxIssue[] = tree ? findUnsafeConstructs(tree) : [hazard!];
  if (!tree || issues.length > 0) {
    const details = issues.map((issue) => `${issue.line}:${issue.column}: ${issue.message}`).join("\n");
    throw new Error(`The article cannot go into a feed:\n${details}`);
  }
  return tree;
}

/**
 * An article's body as the HTML of a feed item's content, without React: the
 * allow-listed components become plain elements and every address is absolute.
 * The lead photo, when given, comes first, as it does on the page. Stored
 * articles passed the safety check when saved; one that fails it now is refused.
 */
export function articleHtmlForFeeds(
  bodyMdx: string,
  siteUrl: string,
  { leadPhoto = null }: { leadPhoto?: FeedPhoto | null } = {},
): string {
  const body = markdown.runSync(checkedTree(bodyMdx));
  if (leadPhoto) body.children.unshift(figureElement(leadPhoto), text("\n"));
  makeAddressesAbsolute(body, siteUrl);
  demoteTopHeadings(body);
  return html.stringify(body);
}
