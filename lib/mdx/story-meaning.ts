import type { Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { readMdx } from "./parse-article";

/**
 * What a reader gets from a body, with the spelling of its markup set aside: two bodies that mean the
 * same have the same words, photos, links, emphasis and structure, however each was written
 * (`*a*` or `_a_`, `-` or `*` lists, attributes escaped one way or another).
 */
export type StoryMeaning = {
  text: string;
  blocks: string[];
  photos: Array<Record<string, string>>;
  links: Array<{ url: string; text: string }>;
  emphasis: Array<{ kind: string; text: string }>;
  components: Array<{ name: string; attributes: Record<string, string>; text: string }>;
  footnotes: Array<{ label: string; text: string }>;
};

const words = (text: string) => text.replace(/\s+/g, " ").trim();

function attributesOf(node: Nodes): Record<string, string> {
  if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return {};
  return Object.fromEntries(
    node.attributes.flatMap((attribute) =>
      attribute.type === "mdxJsxAttribute" && typeof attribute.value === "string"
        ? [[attribute.name, attribute.value]]
        : [],
    ),
  );
}

/** Each block's kind and depth, so a subheading that became a paragraph counts as a change. */
function blockShape(node: Nodes): string {
  if (node.type === "heading") return `heading ${node.depth}`;
  if (node.type === "list") return `list ${node.ordered ? "numbered" : "bulleted"}`;
  if (node.type === "mdxJsxFlowElement") return `component ${node.name}`;
  return node.type;
}

export function storyMeaningOf(tree: Root): StoryMeaning {
  const meaning: StoryMeaning = {
    text: words(toString(tree)),
    blocks: tree.children.map((node) => `${blockShape(node)}: ${words(toString(node))}`),
    photos: [],
    links: [],
    emphasis: [],
    components: [],
    footnotes: [],
  };
  visit(tree, (node: Nodes) => {
    switch (node.type) {
      case "link":
        meaning.links.push({ url: node.url, text: words(toString(node)) });
        break;
      case "strong":
      case "emphasis":
      case "delete":
      case "inlineCode":
        meaning.emphasis.push({ kind: node.type, text: words(toString(node)) });
        break;
      case "footnoteDefinition":
        meaning.footnotes.push({ label: node.label ?? node.identifier, text: words(toString(node)) });
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        if (node.name === "Figure") meaning.photos.push(attributesOf(node));
        else
          meaning.components.push({
            name: node.name ?? "",
            attributes: attributesOf(node),
            text: words(toString(node)),
          });
        break;
    }
  });
  return meaning;
}

export function storyMeaning(source: string): StoryMeaning {
  return storyMeaningOf(readMdx(source));
}
