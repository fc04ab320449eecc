"use client";

import {
  activeEditor$,
  addExportVisitor$,
  addImportVisitor$,
  addLexicalNode$,
  addMdastExtension$,
  addSyntaxExtension$,
  addToMarkdownExtension$,
  ButtonWithTooltip,
  IS_BOLD,
  IS_ITALIC,
  markdown$,
  NESTED_EDITOR_UPDATED_COMMAND,
  realmPlugin,
  rootEditor$,
  useRealm,
  type LexicalExportVisitor,
  type MdastImportVisitor,
  type Realm,
} from "@mdxeditor/editor";
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type ElementNode,
} from "lexical";
import type { FootnoteDefinition, FootnoteReference, Parent } from "mdast";
import { gfmFootnoteFromMarkdown, gfmFootnoteToMarkdown } from "mdast-util-gfm-footnote";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import {
  $createFootnoteDefinitionNode,
  $createFootnoteReferenceNode,
  $isFootnoteDefinitionNode,
  $isFootnoteReferenceNode,
  FootnoteDefinitionNode,
  FootnoteReferenceNode,
} from "./footnote-nodes";

const referenceFromMarkdown: MdastImportVisitor<FootnoteReference> = {
  testNode: "footnoteReference",
  visitNode({ mdastNode, lexicalParent, actions }) {
    (lexicalParent as ElementNode).append($createFootnoteReferenceNode(mdastNode, actions.getParentFormatting()));
  },
};

const definitionFromMarkdown: MdastImportVisitor<FootnoteDefinition> = {
  testNode: "footnoteDefinition",
  visitNode({ mdastNode, lexicalParent }) {
    (lexicalParent as ElementNode).append($createFootnoteDefinitionNode(mdastNode));
  },
};

/**
 * Outermost first, as MDXEditor wraps formatted text, so a marker joins the emphasis around it.
 * Strikethrough is left out: MDXEditor never joins it, and `~~a~~~~[^1]~~` would not read back.
 */
const EMPHASES = [
  [IS_ITALIC, "emphasis"],
  [IS_BOLD, "strong"],
] as const;

// Copies go into the saved tree: the export tidies whitespace in place, and a node's tree is its state.
const referenceToMarkdown: LexicalExportVisitor<FootnoteReferenceNode, FootnoteReference> = {
  testLexicalNode: $isFootnoteReferenceNode,
  visitLexicalNode({ lexicalNode, mdastParent, actions }) {
    let parent = mdastParent;
    for (const [format, type] of EMPHASES) {
      if (lexicalNode.getFormat() & format) parent = actions.appendToParent(parent, { type, children: [] }) as Parent;
    }
    actions.appendToParent(parent, structuredClone(lexicalNode.getMdastNode()));
  },
};

const definitionToMarkdown: LexicalExportVisitor<FootnoteDefinitionNode, FootnoteDefinition> = {
  testLexicalNode: $isFootnoteDefinitionNode,
  visitLexicalNode({ lexicalNode, mdastParent, actions }) {
    actions.appendToParent(mdastParent, structuredClone(lexicalNode.getMdastNode()));
  },
};

/**
 * GFM footnotes (`text[^1]` with `[^1]: The note.`), which stories may hold: without this the editor
 * reads them as plain text and saves them escaped (`\[^1]`), which readers would then see.
 */
export const storyFootnotesPlugin = realmPlugin({
  init(realm) {
    realm.pubIn({
      [addSyntaxExtension$]: gfmFootnote(),
      [addMdastExtension$]: gfmFootnoteFromMarkdown(),
      [addToMarkdownExtension$]: gfmFootnoteToMarkdown(),
      [addLexicalNode$]: [FootnoteReferenceNode, FootnoteDefinitionNode],
      [addImportVisitor$]: [referenceFromMarkdown, definitionFromMarkdown],
      [addExportVisitor$]: [referenceToMarkdown, definitionToMarkdown],
    });
  },
});

/**
 * One more than the highest numbered footnote the story mentions anywhere, so a new footnote never
 * takes over an existing one's note. Anything that merely looks like `[^7]` counts too: skipping a
 * number is harmless, reusing one is not.
 */
export function nextFootnoteNumber(markdown: string): number {
  let highest = 0;
  for (const [, number] of markdown.matchAll(/\[\^(\d+)\]/g)) highest = Math.max(highest, Number(number));
  return highest + 1;
}

/** After the story's last block; the empty line the editor keeps below a closing box is not part of the story. */
function $appendNote(label: string) {
  const note = $createFootnoteDefinitionNode({ type: "footnoteDefinition", identifier: label, label, children: [] });
  const root = $getRoot();
  let last = root.getLastChild();
  while ($isParagraphNode(last) && last.isEmpty()) last = last.getPreviousSibling();
  if (last) last.insertAfter(note);
  else root.append(note);
  note.focusText();
}

function insertFootnote(realm: Realm) {
  const rootEditor = realm.getValue(rootEditor$);
  const editor = realm.getValue(activeEditor$) ?? rootEditor;
  if (!rootEditor || !editor) return;
  const label = String(nextFootnoteNumber(realm.getValue(markdown$)));
  let inserted = false;
  editor.update(
    () => {
      // The cursor the writer left, not the browser's: focus has moved to the toolbar by now.
      const selection = $getSelection() ?? $getRoot().selectEnd();
      // No marker, no note: a note nothing points at would be saved but never shown to readers.
      if (!$isRangeSelection(selection)) return;
      // Words the writer selected are what the note is about: the marker goes after them, not over them.
      const end = selection.isBackward() ? selection.anchor : selection.focus;
      selection.anchor.set(end.key, end.offset, end.type);
      selection.focus.set(end.key, end.offset, end.type);
      const mdastNode = { type: "footnoteReference", identifier: label, label } as const;
      const reference = $createFootnoteReferenceNode(mdastNode, selection.format);
      selection.insertNodes([reference]);
      if ($isRootOrShadowRoot(reference.getParentOrThrow())) {
        const paragraph = $createParagraphNode();
        reference.replace(paragraph);
        paragraph.append(reference);
      }
      reference.selectNext();
      inserted = true;
      if (editor === rootEditor) $appendNote(label);
    },
    {
      onUpdate() {
        if (!inserted || editor === rootEditor) return;
        // A marker put into a pull quote or a table cell reaches the story's own tree only through this.
        editor.dispatchCommand(NESTED_EDITOR_UPDATED_COMMAND, undefined);
        rootEditor.update(() => $appendNote(label));
      },
    },
  );
}

/** Toolbar button: a numbered marker at the cursor and its note at the end of the story, ready to write. */
export function InsertFootnote() {
  const realm = useRealm();
  return (
    <ButtonWithTooltip title="Insert footnote" onClick={() => insertFootnote(realm)}>
      <span aria-hidden="true" className="font-serif text-sm leading-none">
        a<sup>1</sup>
      </span>
    </ButtonWithTooltip>
  );
}
