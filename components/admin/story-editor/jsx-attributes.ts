import type { MdxJsxAttribute } from "mdast-util-mdx";
import type { JsxEditorProps } from "@mdxeditor/editor";

type JsxNode = JsxEditorProps["mdastNode"];

/** A component's string attributes by name; the guard refuses any other kind before it gets here. */
export function readAttributes(node: JsxNode): Record<string, string> {
  const values: Record<string, string> = {};
  for (const attribute of node.attributes) {
    if (attribute.type === "mdxJsxAttribute" && typeof attribute.value === "string") {
      values[attribute.name] = attribute.value;
    }
  }
  return values;
}

/**
 * The node's attributes with one changed, in their original order so a save changes only what the
 * writer touched; an emptied optional attribute is dropped rather than saved as "".
 */
export function withAttribute(node: JsxNode, name: string, value: string, keepEmpty: boolean): MdxJsxAttribute[] {
  const attributes = node.attributes.filter(
    (attribute): attribute is MdxJsxAttribute => attribute.type === "mdxJsxAttribute",
  );
  const present = attributes.some((attribute) => attribute.name === name);
  const next = present
    ? attributes.map((attribute) => (attribute.name === name ? { ...attribute, value } : attribute))
    : [...attributes, { type: "mdxJsxAttribute" as const, name, value }];
  return value === "" && !keepEmpty ? next.filter((attribute) => attribute.name !== name) : next;
}
