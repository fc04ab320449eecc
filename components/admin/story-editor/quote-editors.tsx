"use client";

import { NestedLexicalEditor, useMdastNodeUpdater, type JsxEditorProps } from "@mdxeditor/editor";
import type { MdxJsxFlowElement } from "mdast-util-mdx";
import { useId } from "react";
import { readAttributes, withAttribute } from "./jsx-attributes";

const FIELD = "ml-2 rounded-sm border border-stone-400 bg-white px-2 py-0.5 text-sm dark:bg-stone-900";

const PHRASING = new Set(["text", "strong", "emphasis", "delete", "link", "inlineCode", "break", "mdxJsxTextElement"]);

/**
 * The component's own text, edited like the rest of the story. `<PullQuote>Words</PullQuote>` on one line
 * holds words, not paragraphs, and must stay so: a paragraph editor would refuse it, or rewrite it.
 */
function ComponentText({ node, label }: { node: JsxEditorProps["mdastNode"]; label: string }) {
  const block = !node.children.every((child) => PHRASING.has(child.type));
  return (
    <NestedLexicalEditor<MdxJsxFlowElement>
      block={block}
      contentEditableProps={{ ariaLabel: label }}
      getContent={(node) => node.children}
      getUpdatedMdastNode={(node, children) => ({ ...node, children: children as MdxJsxFlowElement["children"] })}
    />
  );
}

function AttributeField({ node, name, label }: { node: JsxEditorProps["mdastNode"]; name: string; label: string }) {
  const update = useMdastNodeUpdater();
  const id = useId();
  return (
    <label htmlFor={id} className="block font-sans text-xs font-semibold not-italic">
      {label}
      <input
        id={id}
        value={readAttributes(node)[name] ?? ""}
        onChange={(event) => update({ attributes: withAttribute(node, name, event.target.value, false) })}
        className={FIELD}
      />
    </label>
  );
}

/** A quotation set large in the page, with who said it. */
export function PullQuoteEditor({ mdastNode }: JsxEditorProps) {
  return (
    <blockquote
      aria-label="Pull quote"
      className="my-4 border-l-4 border-emerald-700 pl-4 text-xl font-semibold"
      data-testid="story-pull-quote"
    >
      <ComponentText node={mdastNode} label="Words of the pull quote" />
      <AttributeField node={mdastNode} name="by" label="Said by" />
    </blockquote>
  );
}

/** A box beside the story: background, a timeline, a fact file. */
export function AsideEditor({ mdastNode }: JsxEditorProps) {
  return (
    <aside
      aria-label="Aside"
      className="my-4 rounded-sm border border-stone-300 bg-stone-50 p-3 dark:border-stone-700 dark:bg-stone-900"
      data-testid="story-aside"
    >
      <AttributeField node={mdastNode} name="title" label="Title of the aside" />
      <ComponentText node={mdastNode} label="Text of the aside" />
    </aside>
  );
}
