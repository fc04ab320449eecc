import {
  headingsPlugin,
  jsxPlugin,
  linkDialogPlugin,
  linkPlugin,
  listsPlugin,
  markdownShortcutPlugin,
  quotePlugin,
  tablePlugin,
  thematicBreakPlugin,
  type JsxComponentDescriptor,
  type RealmPlugin,
} from "@mdxeditor/editor";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx";
import { mdxJsxToMarkdown } from "mdast-util-mdx-jsx";
import type { Handle, Options as ToMarkdownOptions } from "mdast-util-to-markdown";
import { allowedComponents } from "@/lib/mdx/allow-list";
import { AsideEditor, PullQuoteEditor } from "./quote-editors";
import { FigureEditor } from "./figure-editor";
import { storyFootnotesPlugin } from "./footnotes-plugin";

const propsOf = (name: keyof typeof allowedComponents) =>
  allowedComponents[name].props.map((prop) => ({ name: prop, type: "string" as const }));

/** The allow-listed components, each edited as what it is rather than as a tag. */
export const storyComponentDescriptors: JsxComponentDescriptor[] = [
  { name: "Figure", kind: "flow", props: propsOf("Figure"), hasChildren: false, Editor: FigureEditor },
  { name: "PullQuote", kind: "flow", props: propsOf("PullQuote"), hasChildren: true, Editor: PullQuoteEditor },
  { name: "Aside", kind: "flow", props: propsOf("Aside"), hasChildren: true, Editor: AsideEditor },
];

/**
 * What the story editor understands: the same plugins in the browser and in the round-trip test,
 * so the test proves what staff get. The toolbar and source mode come on top in the browser.
 */
export function storyContentPlugins(): RealmPlugin[] {
  return [
    headingsPlugin({ allowedHeadingLevels: [2, 3, 4] }),
    listsPlugin(),
    quotePlugin(),
    linkPlugin(),
    linkDialogPlugin(),
    tablePlugin(),
    thematicBreakPlugin(),
    jsxPlugin({ jsxComponentDescriptors: storyComponentDescriptors }),
    storyFootnotesPlugin(),
    markdownShortcutPlugin(),
  ];
}

const jsxHandlers = mdxJsxToMarkdown().handlers as Record<"mdxJsxFlowElement" | "mdxJsxTextElement", Handle>;

/**
 * MDX decodes character references in attribute text, and the stock printer escapes only quotes: a
 * caption reading "&copy;" would come back as "©". Escaping every ampersand keeps the text as typed.
 */
const escapingAmpersands =
  (handle: Handle): Handle =>
  (node: MdxJsxFlowElement | MdxJsxTextElement, ...rest) =>
    handle(
      {
        ...node,
        attributes: node.attributes.map((attribute) =>
          attribute.type === "mdxJsxAttribute" && typeof attribute.value === "string"
            ? { ...attribute, value: attribute.value.replaceAll("&", "&amp;") }
            : attribute,
        ),
      },
      ...rest,
    );

/** The newsroom's house spelling of Markdown, which the old toolbar wrote too: `_italic_`, `-` lists. */
export const storyMarkdownOptions: ToMarkdownOptions = {
  bullet: "-",
  emphasis: "_",
  strong: "*",
  rule: "-",
  handlers: {
    mdxJsxFlowElement: escapingAmpersands(jsxHandlers.mdxJsxFlowElement),
    mdxJsxTextElement: escapingAmpersands(jsxHandlers.mdxJsxTextElement),
  },
};
