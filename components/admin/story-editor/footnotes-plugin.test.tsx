// @vitest-environment jsdom
import { MDXEditor, toolbarPlugin, type MDXEditorMethods, type RealmPlugin } from "@mdxeditor/editor";
import {
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  SELECTION_CHANGE_COMMAND,
  type ElementNode,
  type LexicalEditor,
} from "lexical";
import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import { act, createRef } from "react";
import { createRoot, type Root } from "react-dom/client";
import { visit } from "unist-util-visit";
import { afterEach, describe, expect, it } from "vitest";
import { readMdx } from "@/lib/mdx/parse-article";
import { $isFootnoteDefinitionNode } from "./footnote-nodes";
import { InsertFootnote, nextFootnoteNumber, storyFootnotesPlugin } from "./footnotes-plugin";
import { storyContentPlugins, storyMarkdownOptions } from "./story-editor-plugins";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom lays nothing out, and Lexical measures the cursor whenever it moves it.
Range.prototype.getBoundingClientRect = () => new DOMRect();

const mounted: Root[] = [];
afterEach(() => {
  act(() => mounted.splice(0).forEach((root) => root.unmount()));
  document.body.replaceChildren();
});

async function openStory(body: string, plugins: RealmPlugin[] = storyContentPlugins()) {
  const container = document.createElement("div");
  document.body.append(container);
  const ref = createRef<MDXEditorMethods>();
  const errors: unknown[] = [];
  const root = createRoot(container);
  mounted.push(root);
  await act(async () => {
    root.render(
      <MDXEditor
        ref={ref}
        markdown={body}
        plugins={plugins}
        toMarkdownOptions={storyMarkdownOptions}
        onError={(error) => errors.push(error)}
      />,
    );
  });
  return { container, errors, saved: () => ref.current!.getMarkdown() };
}

/** Each footnote as a reader meets it: where its marker points, and the note's words and formatting. */
function footnotesOf(body: string) {
  const references: string[] = [];
  const notes: Array<{ label: string; text: string; formatting: string[] }> = [];
  visit(readMdx(body), (node: Nodes) => {
    if (node.type === "footnoteReference") references.push(node.label ?? node.identifier);
    if (node.type === "footnoteDefinition") {
      const formatting: string[] = [];
      visit(node, (inner: Nodes) => {
        if (inner.type === "emphasis" || inner.type === "strong") formatting.push(`${inner.type}: ${toString(inner)}`);
        if (inner.type === "link") formatting.push(`link ${inner.url}: ${toString(inner)}`);
      });
      notes.push({ label: node.label ?? node.identifier, text: toString(node), formatting });
    }
  });
  return { references, notes };
}

type EditableText = HTMLElement & { __lexicalEditor: LexicalEditor };

const markers = (container: HTMLElement) =>
  [...container.querySelectorAll("[data-testid=story-footnote-marker]")].map((marker) => marker.textContent);

const TWO_FOOTNOTES = `The ceasefire held for a week.[^1] Aid convoys resumed on Monday.[^2]

Talks continue in Geneva.

[^1]: According to the UN mission's daily report.

[^2]: Two convoys, 40 lorries in all.
`;

describe("footnotes in the story editor", () => {
  it("opens a story with two footnotes without an error and shows both markers and both notes", async () => {
    const { container, errors } = await openStory(TWO_FOOTNOTES);

    expect(errors).toEqual([]);
    expect(markers(container)).toEqual(["[1]Footnote 1", "[2]Footnote 2"]);
    const notes = [...container.querySelectorAll("[data-testid=story-footnote]")];
    expect(notes.map((note) => note.textContent)).toEqual([
      "Footnote 1According to the UN mission's daily report.",
      "Footnote 2Two convoys, 40 lorries in all.",
    ]);
  });

  it("saves a story's footnotes back as footnotes, not as escaped text", async () => {
    const { saved } = await openStory(TWO_FOOTNOTES);

    expect(saved()).not.toContain("\\[");
    expect(footnotesOf(saved())).toEqual(footnotesOf(TWO_FOOTNOTES));
    expect(footnotesOf(saved()).references).toEqual(["1", "2"]);
  });

  it("keeps emphasis and a link in a footnote's text", async () => {
    const body = `Figures vary.[^source]

[^source]: See *the ministry's* own **count** at [its site](https://example.org/count).
`;
    const { saved, errors } = await openStory(body);

    expect(errors).toEqual([]);
    expect(footnotesOf(saved())).toEqual({
      references: ["source"],
      notes: [
        {
          label: "source",
          text: "See the ministry's own count at its site.",
          formatting: ["emphasis: the ministry's", "strong: count", "link https://example.org/count: its site"],
        },
      ],
    });
  });

  it("keeps a footnote of several paragraphs whole", async () => {
    const body = `A claim.[^1]

[^1]: First paragraph of the note.

    Second paragraph of the note.
`;
    const { saved } = await openStory(body);

    expect(footnotesOf(saved())).toEqual(footnotesOf(body));
    expect(saved()).toContain("    Second paragraph of the note.");
  });

  it("keeps a marker inside the emphasis it was written in", async () => {
    const body = "Figures from _the ministry[^1]_ and **the agency[^2]** differ.\n\n[^1]: One.\n\n[^2]: Two.\n";
    const { saved } = await openStory(body);

    expect(saved()).toBe(body.trimEnd());
  });

  it("brings back footnotes in a subheading, a list, a quote, a table and an aside", async () => {
    const body = `## Who pays[^a]

- Donors[^b]

> A pledge, not a payment.[^c]

| Country | Pledge |
| ------- | ------ |
| Norway[^d] | 10 |

<Aside title="Sources">
The budget papers.[^e]
</Aside>

[^a]: A.

[^b]: B.

[^c]: C.

[^d]: D.

[^e]: E.
`;
    const { saved, errors } = await openStory(body);

    expect(errors).toEqual([]);
    expect(footnotesOf(saved())).toEqual(footnotesOf(body));
    expect(footnotesOf(saved()).references).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("leaves a story without footnotes exactly as the editor saves it without the plugin", async () => {
    const body = `Para **bold** and _it_ [link](https://example.org) with [brackets] and a caret ^ in it.

## Sub

- a
- b
`;
    const withFootnotes = (await openStory(body)).saved();
    const without = (await openStory(body, storyContentPlugins())).saved();

    expect(withFootnotes).toBe(without);
    // The editor's own escaping of a lone bracket, which renders the same; nothing else moved.
    expect(withFootnotes).toBe(body.trimEnd().replace("[brackets]", "\\[brackets]"));
  });

  it("saves a writer's change to a footnote's text", async () => {
    const { container, saved } = await openStory(TWO_FOOTNOTES);
    const noteText = container.querySelector<EditableText>("[data-testid=story-footnote] [contenteditable]")!;

    await act(async () => {
      noteText.__lexicalEditor.update(
        () => {
          const words = $getRoot().getFirstDescendant();
          if ($isTextNode(words)) words.setTextContent("Corrected source.");
        },
        { discrete: true },
      );
      noteText.dispatchEvent(new FocusEvent("blur"));
    });

    expect(footnotesOf(saved()).notes).toEqual([
      { label: "1", text: "Corrected source.", formatting: [] },
      { label: "2", text: "Two convoys, 40 lorries in all.", formatting: [] },
    ]);
  });

  it("warns on a marker whose note the writer deleted, before it reaches readers as text", async () => {
    const { container } = await openStory(TWO_FOOTNOTES);
    const story = container.querySelector<EditableText>(".mdxeditor-root-contenteditable [contenteditable]")!;

    await act(async () => {
      story.__lexicalEditor.update(() => $getRoot().getChildren().find($isFootnoteDefinitionNode)?.remove(), {
        discrete: true,
      });
    });

    expect(markers(container)).toEqual(["[1: no note]Footnote 1, which has no note", "[2]Footnote 2"]);
  });

  it("names each note's text box after its footnote, for screen readers", async () => {
    const { container } = await openStory(TWO_FOOTNOTES);

    const names = [...container.querySelectorAll("[data-testid=story-footnote] [contenteditable]")].map(
      (box) => document.getElementById(box.getAttribute("aria-labelledby")!)?.textContent,
    );
    expect(names).toEqual(["Footnote 1", "Footnote 2"]);
  });
});

describe("inserting a footnote", () => {
  const withButton = () => [
    ...storyContentPlugins(),
    storyFootnotesPlugin(),
    toolbarPlugin({ toolbarContents: () => <InsertFootnote /> }),
  ];

  /** Places the writer's cursor in one of the editors (the story's, or a box's) and presses the button. */
  async function insertFootnoteIn(container: HTMLElement, box: string, placeCursor: () => void) {
    const editor = container.querySelector<EditableText>(`${box} [contenteditable]`)!.__lexicalEditor;
    await act(async () => {
      editor.update(placeCursor, { discrete: true });
      editor.dispatchCommand(SELECTION_CHANGE_COMMAND, undefined);
    });
    await act(async () => {
      container.querySelector<HTMLButtonElement>("button[aria-label='Insert footnote']")!.click();
    });
  }

  const atEndOf = (words: string) => () => {
    const block = $getRoot()
      .getChildren()
      .find((child) => child.getTextContent() === words);
    if ($isElementNode(block)) block.selectEnd();
  };

  it("puts the next number at the cursor and its note after the story's last note", async () => {
    const { container, saved, errors } = await openStory(TWO_FOOTNOTES, withButton());

    await insertFootnoteIn(container, ".mdxeditor-root-contenteditable", atEndOf("Talks continue in Geneva."));

    expect(errors).toEqual([]);
    expect(saved()).toContain("Talks continue in Geneva.[^3]\n");
    expect(saved()).toMatch(/\[\^2\]: Two convoys, 40 lorries in all\.\n\n\[\^3\]:$/);
    expect(footnotesOf(saved()).references).toEqual(["1", "2", "3"]);
    expect(markers(container)).toEqual(["[1]Footnote 1", "[2]Footnote 2", "[3]Footnote 3"]);
    expect(container.querySelectorAll("[data-testid=story-footnote]")[2]?.textContent).toBe("Footnote 3");
  });

  it("puts the marker after the words the writer selected, never over them", async () => {
    const { container, saved } = await openStory("Officials denied it.\n", withButton());

    await insertFootnoteIn(container, ".mdxeditor-root-contenteditable", () => {
      const words = $getRoot().getFirstDescendant();
      if ($isTextNode(words)) words.select(9, 0);
    });

    expect(saved()).toBe("Officials[^1] denied it.\n\n[^1]:");
  });

  it("puts a footnote written in an aside into the aside, and its note at the end of the story", async () => {
    const body = '<Aside title="Facts">\nThe talks began in 2022.\n</Aside>\n\nMore to come.\n';
    const { container, saved } = await openStory(body, withButton());

    await insertFootnoteIn(container, "[data-testid=story-aside]", atEndOf("The talks began in 2022."));

    expect(saved()).toBe('<Aside title="Facts">\n  The talks began in 2022.[^1]\n</Aside>\n\nMore to come.\n\n[^1]:');
  });

  it("starts at 1 in a story without footnotes, and the new note saves what the writer typed", async () => {
    const { container, saved } = await openStory("The minister resigned on Friday.\n", withButton());

    await insertFootnoteIn(container, ".mdxeditor-root-contenteditable", atEndOf("The minister resigned on Friday."));
    const noteText = container.querySelector<EditableText>("[data-testid=story-footnote] [contenteditable]")!;
    await act(async () => {
      noteText.__lexicalEditor.update(
        () => $getRoot().getFirstChild<ElementNode>()?.append($createTextNode("Reuters.")),
        {
          discrete: true,
        },
      );
      noteText.dispatchEvent(new FocusEvent("blur"));
    });

    expect(saved()).toBe("The minister resigned on Friday.[^1]\n\n[^1]: Reuters.");
  });

  it("numbers after the highest footnote the story mentions, whatever the others are called", () => {
    expect(nextFootnoteNumber("No notes yet.")).toBe(1);
    expect(nextFootnoteNumber("A[^2] b[^source] c[^7]\n\n[^7]: x")).toBe(8);
  });
});
