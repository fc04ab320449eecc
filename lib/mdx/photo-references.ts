import type { Root } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { z } from "zod";
import { readMdx } from "./parse-article";

type JsxElement = Node & { name: string | null; attributes: Array<{ type: string; name?: string; value?: unknown }> };

const photoIdSchema = z.uuid();

/** Library photos are addressed by their database id; anything else in `photo="…"` names no photo. */
export function isPhotoId(value: string): boolean {
  return photoIdSchema.safeParse(value).success;
}

function isJsxElement(node: Node): node is JsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

function photoAttribute(element: JsxElement): string | null {
  const attribute = element.attributes.find(
    (candidate) => candidate.type === "mdxJsxAttribute" && candidate.name === "photo",
  );
  return typeof attribute?.value === "string" ? attribute.value : null;
}

/**
 * The library photos a parsed body shows, in order of first appearance: the `photo` of every
 * `<Figure>`, lower case, as /media writes its addresses.
 */
export function photoReferencesIn(tree: Root): string[] {
  const photoIds = new Set<string>();
  visit(tree, (node: Node) => {
    if (!isJsxElement(node) || node.name !== "Figure") return;
    const photo = photoAttribute(node);
    if (photo !== null && isPhotoId(photo)) photoIds.add(photo.toLowerCase());
  });
  return [...photoIds];
}

/**
 * The same for a body's text, parsed exactly as the compiler parses, so a Figure the reader
 * will see is never missed. Throws on MDX that does not parse; such a body cannot be saved, let
 * alone published. A saved story's list is stored with it (`body_photo_ids`): read that instead.
 */
export function photoReferences(bodyMdx: string): string[] {
  return photoReferencesIn(readMdx(bodyMdx));
}
