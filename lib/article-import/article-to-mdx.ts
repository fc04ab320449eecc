import type { Paragraph, Root, RootContent } from "mdast";
import { mdxToMarkdown, type MdxJsxAttribute, type MdxJsxFlowElement } from "mdast-util-mdx";
import { toMarkdown, type Unsafe } from "mdast-util-to-markdown";
import { Scalar, stringify } from "yaml";
import { z } from "zod";

import { articleFrontMatterSchema } from "@/lib/content/front-matter";
import type { ParsedArticleFile, ImportedBodyBlock, ImportedPhoto } from "@/lib/article-import/parse-article";
import { articleSlug } from "@/lib/slugs";

export interface ImportedByline {
  author: string;
  tags: string[];
}

export interface ImportedArticleMdx {
  slug: string;
  mdx: string;
}

/** The article component that renders an inline photo in the MDX body. */
const FIGURE_COMPONENT = "Figure";

/**
 * Characters mdast-util-mdx leaves bare although the article pipeline would
 * read them as syntax. toMarkdown turns each match into an escape or a
 * character reference, so the writer's text still comes through literally.
 */
const EXTRA_UNSAFE: Unsafe[] = [
  // MDX reads a paragraph opening with "import " or "export " as JavaScript,
  // which then fails to compile.
  { atBreak: true, character: "i", after: "mport " },
  { atBreak: true, character: "e", after: "xport " },
  // remark-gfm reads ~ and ~~ as strikethrough: "~5% to ~10%" must stay prose.
  { character: "~", inConstruct: "phrasing" },
];

/** Turns a parsed story into an article file for `content/`. */
export function articleToMdx(article: ParsedArticleFile, byline: ImportedByline): ImportedArticleMdx {
  const slug = articleSlug(article.headline);
  if (slug === "") {
    throw new Error(`the headline ${JSON.stringify(article.headline)} gives an empty slug`);
  }
  return { slug, mdx: `${frontMatterYaml(article, byline)}\n${bodyMdx(article.body)}` };
}

function frontMatterYaml(article: ParsedArticleFile, byline: ImportedByline): string {
  const frontMatter = {
    headline: article.headline,
    dek: article.dek,
    section: article.section,
    author: byline.author,
    published: article.published,
    tags: byline.tags,
    ...(article.leadPhoto ? { leadPhoto: leadPhotoFrontMatter(article.leadPhoto) } : {}),
  };

  // Refuse here what the seed would refuse later, while the writer is still at hand.
  const checked = articleFrontMatterSchema.safeParse(frontMatter);
  if (!checked.success) {
    throw new Error(`the front matter would be refused:\n${z.prettifyError(checked.error)}`);
  }

  const yaml = stringify(
    { ...frontMatter, published: alwaysQuoted(frontMatter.published) },
    // One line per value keeps diffs of edited stories readable.
    { lineWidth: 0 },
  );
  return `---\n${yaml}---\n`;
}

function leadPhotoFrontMatter(photo: ImportedPhoto): { caption: string; alt: string; camera: string } {
  return { caption: photo.description, alt: photo.description, camera: photo.camera };
}

/**
 * gray-matter reads front matter as YAML 1.1, where a bare 2023-12-01 is a
 * timestamp; quoting keeps the date exactly as the newsroom wrote it.
 */
function alwaysQuoted(value: string): Scalar<string> {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

function bodyMdx(body: readonly ImportedBodyBlock[]): string {
  const tree: Root = { type: "root", children: body.map(bodyNode) };
  return toMarkdown(tree, { extensions: [mdxToMarkdown(), { unsafe: EXTRA_UNSAFE }] });
}

function bodyNode(block: ImportedBodyBlock): RootContent {
  return block.kind === "paragraph" ? paragraphNode(block.text) : figureNode(block);
}

function paragraphNode(text: string): Paragraph {
  return { type: "paragraph", children: [{ type: "text", value: text }] };
}

function figureNode(photo: ImportedPhoto): MdxJsxFlowElement {
  return {
    type: "mdxJsxFlowElement",
    name: FIGURE_COMPONENT,
    attributes: [
      stringAttribute("caption", photo.description),
      stringAttribute("alt", photo.description),
      stringAttribute("camera", photo.camera),
    ],
    children: [],
  };
}

function stringAttribute(name: string, value: string): MdxJsxAttribute {
  return { type: "mdxJsxAttribute", name, value: keepCharacterReferencesLiteral(value) };
}

/**
 * mdast-util-mdx escapes only the quote in attribute values (as `&#x22;`),
 * yet MDX decodes character references there: a caption reading "&amp;" would
 * come back as "&". Escaping the ampersand of anything reference-shaped keeps
 * it literal; a plain "R&D" is left alone.
 */
function keepCharacterReferencesLiteral(value: string): string {
  return value.replace(/&(?=#?[\da-z]+;)/gi, "&amp;");
}
