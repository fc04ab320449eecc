"use client";

import { markdown$, NestedEditorsContext, NestedLexicalEditor, useCellValue } from "@mdxeditor/editor";
import {
  DecoratorNode,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from "lexical";
import type { FootnoteDefinition, FootnoteReference } from "mdast";
import { useId, type JSX } from "react";

type SerializedFootnote<T> = Spread<{ mdastNode: T }, SerializedLexicalNode>;
type SerializedFootnoteReference = Spread<{ format: number }, SerializedFootnote<FootnoteReference>>;

/** How the writer wrote the footnote's name (`[^Source]` keeps its capital), not the matching key. */
const labelOf = (node: FootnoteReference | FootnoteDefinition) => node.label ?? node.identifier;

/**
 * Focuses a footnote's text once its editor exists: a footnote just inserted is asked to take the
 * cursor before its nested editor has mounted, and a plain emitter would drop that request.
 */
function focusRequests() {
  let focus: (() => void) | null = null;
  let pending = false;
  return {
    publish() {
      if (focus) focus();
      else pending = true;
    },
    subscribe(next: () => void) {
      focus = next;
      if (pending) {
        pending = false;
        next();
      }
    },
  };
}

const MARKER = "font-sans font-semibold text-emerald-800 dark:text-emerald-300";
const ORPHAN_MARKER = "font-sans font-semibold text-red-800 dark:text-red-300";

let notesSeen = { markdown: "", identifiers: new Set<string>() };

/**
 * The footnotes the story has a note for, read from the saved form once per change and shared by every
 * marker. Only a hint for the writer, so a note spelled in some rare way may go unseen.
 */
function footnotesWithNotes(markdown: string): Set<string> {
  if (notesSeen.markdown !== markdown) {
    const notes = markdown.matchAll(/^[ \t>]*(?:(?:[-*+]|\d+[.)])[ \t]+)?\[\^([^\]\s]+)\]:/gm);
    notesSeen = { markdown, identifiers: new Set([...notes].map(([, label]) => label!.toLowerCase())) };
  }
  return notesSeen.identifiers;
}

function FootnoteMarker({ node }: { node: FootnoteReference }) {
  const label = labelOf(node);
  // A marker whose note was deleted would reach readers as the literal text "[^1]": say so while it can be fixed.
  const hasNote = footnotesWithNotes(useCellValue(markdown$)).has(node.identifier.toLowerCase());
  // A <sup> may not carry a name of its own (axe: aria-prohibited-attr), so the spoken words are text.
  return (
    <sup
      className={hasNote ? MARKER : ORPHAN_MARKER}
      data-testid="story-footnote-marker"
      title={hasNote ? undefined : "This footnote has no note: write one, or delete the marker"}
    >
      <span aria-hidden="true">{hasNote ? `[${label}]` : `[${label}: no note]`}</span>
      <span className="sr-only">{hasNote ? `Footnote ${label}` : `Footnote ${label}, which has no note`}</span>
    </sup>
  );
}

/**
 * A footnote's marker in the text, pointing at its note by the name written in the story. It keeps the
 * emphasis it was written in (Lexical's text-format bits), so `_see[^1]_` is not saved as `_see_[^1]`.
 */
export class FootnoteReferenceNode extends DecoratorNode<JSX.Element> {
  __mdastNode: FootnoteReference;
  __format: number;

  static getType(): string {
    return "footnoteReference";
  }

  static clone(node: FootnoteReferenceNode): FootnoteReferenceNode {
    return new FootnoteReferenceNode(node.__mdastNode, node.__format, node.__key);
  }

  static importJSON(serialized: SerializedFootnoteReference): FootnoteReferenceNode {
    return $createFootnoteReferenceNode(serialized.mdastNode, serialized.format);
  }

  constructor(mdastNode: FootnoteReference, format = 0, key?: NodeKey) {
    super(key);
    this.__mdastNode = mdastNode;
    this.__format = format;
  }

  exportJSON(): SerializedFootnoteReference {
    return { ...super.exportJSON(), mdastNode: structuredClone(this.__mdastNode), format: this.__format };
  }

  getMdastNode(): FootnoteReference {
    return this.__mdastNode;
  }

  getFormat(): number {
    return this.__format;
  }

  // Plain-text copies read "[1]", and a line holding only a marker does not count as empty.
  getTextContent(): string {
    return `[${labelOf(this.__mdastNode)}]`;
  }

  createDOM(): HTMLElement {
    return document.createElement("span");
  }

  updateDOM(): false {
    return false;
  }

  isInline(): true {
    return true;
  }

  decorate(): JSX.Element {
    return <FootnoteMarker node={this.__mdastNode} />;
  }
}

const NOTE = "my-3 border-l-4 border-stone-400 bg-stone-50 py-1 pl-3 text-sm dark:border-stone-500 dark:bg-stone-900";

function FootnoteText({
  node,
  parentEditor,
  config,
}: {
  node: FootnoteDefinitionNode;
  parentEditor: LexicalEditor;
  config: EditorConfig;
}) {
  const id = useId();
  const mdastNode = node.getMdastNode();
  return (
    <NestedEditorsContext.Provider
      value={{ config, parentEditor, mdastNode, lexicalNode: node, focusEmitter: node.__focusRequests }}
    >
      <div className={NOTE} data-testid="story-footnote">
        <span id={id} className="block font-sans text-xs font-semibold text-stone-700 dark:text-stone-300">
          Footnote {labelOf(mdastNode)}
        </span>
        <NestedLexicalEditor<FootnoteDefinition>
          block
          getContent={(definition) => definition.children}
          getUpdatedMdastNode={(definition, children) => ({
            ...definition,
            children: children as FootnoteDefinition["children"],
          })}
          contentEditableProps={{ "aria-labelledby": id }}
        />
      </div>
    </NestedEditorsContext.Provider>
  );
}

/** A footnote's note, where the story has it, its text edited like the rest of the story. */
export class FootnoteDefinitionNode extends DecoratorNode<JSX.Element> {
  __mdastNode: FootnoteDefinition;
  __focusRequests = focusRequests();

  static getType(): string {
    return "footnoteDefinition";
  }

  static clone(node: FootnoteDefinitionNode): FootnoteDefinitionNode {
    return new FootnoteDefinitionNode(node.__mdastNode, node.__key);
  }

  static importJSON(serialized: SerializedFootnote<FootnoteDefinition>): FootnoteDefinitionNode {
    return $createFootnoteDefinitionNode(serialized.mdastNode);
  }

  constructor(mdastNode: FootnoteDefinition, key?: NodeKey) {
    super(key);
    this.__mdastNode = mdastNode;
  }

  afterCloneFrom(previous: this): void {
    super.afterCloneFrom(previous);
    this.__focusRequests = previous.__focusRequests;
  }

  exportJSON(): SerializedFootnote<FootnoteDefinition> {
    return { ...super.exportJSON(), mdastNode: structuredClone(this.__mdastNode) };
  }

  getMdastNode(): FootnoteDefinition {
    return this.__mdastNode;
  }

  /** Called by the nested editor with the text the writer left in it. */
  setMdastNode(mdastNode: FootnoteDefinition): void {
    this.getWritable().__mdastNode = mdastNode;
  }

  focusText(): void {
    this.__focusRequests.publish();
  }

  createDOM(): HTMLElement {
    return document.createElement("div");
  }

  updateDOM(): false {
    return false;
  }

  isInline(): false {
    return false;
  }

  decorate(parentEditor: LexicalEditor, config: EditorConfig): JSX.Element {
    return <FootnoteText node={this} parentEditor={parentEditor} config={config} />;
  }
}

export function $createFootnoteReferenceNode(mdastNode: FootnoteReference, format = 0): FootnoteReferenceNode {
  return new FootnoteReferenceNode(mdastNode, format);
}

export function $createFootnoteDefinitionNode(mdastNode: FootnoteDefinition): FootnoteDefinitionNode {
  return new FootnoteDefinitionNode(mdastNode);
}

export function $isFootnoteReferenceNode(node: LexicalNode | null | undefined): node is FootnoteReferenceNode {
  return node instanceof FootnoteReferenceNode;
}

export function $isFootnoteDefinitionNode(node: LexicalNode | null | undefined): node is FootnoteDefinitionNode {
  return node instanceof FootnoteDefinitionNode;
}
