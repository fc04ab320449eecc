// @vitest-environment jsdom
import path from "node:path";
import { MDXEditor, type MDXEditorMethods } from "@mdxeditor/editor";
import { act, createRef } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeArticleBodies, type PhotoForFigure } from "@/bench/fake-newsroom";
import { loadNewsroomContent } from "@/lib/content/load";
import { readCheckedArticle } from "@/lib/mdx/parse-article";
import { richEditingObstacle } from "@/lib/mdx/rich-editing";
import { storyMeaning } from "@/lib/mdx/story-meaning";
import { storyContentPlugins, storyMarkdownOptions } from "./story-editor-plugins";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const FAKE_BODIES = 1_000;
const FAKE_SEED = 20_261_207;
const COMMISSIONED_STORY = "ukraine-to-receive-nato-support-and-membership-after-conflict.mdx";

/** Photo text with the characters attribute printing gets wrong most easily. */
const photos: PhotoForFigure[] = Array.from({ length: 30 }, (_, index) => ({
  id: `0b6f6a1e-0000-4000-8000-${String(index).padStart(12, "0")}`,
  width: 1_600 + index,
  height: 1_200,
  caption: `Photo ${index}: "the quay" at dusk & rain; AT&amp;T's mast, &copy; nobody`,
  altText: index % 3 === 0 ? "" : `A ferry <no tags> at berth ${index}`,
  camera: index % 2 === 0 ? "Canon EOS 5D Mark IV" : null,
}));

let root: Root;
const editor = createRef<MDXEditorMethods>();
const errors: string[] = [];

/** Opens the body as a writer's browser does, and answers what pressing Save would send. */
async function openAndSave(body: string): Promise<string> {
  await act(async () => {
    root.render(
      <MDXEditor
        key={body}
        ref={editor}
        markdown={body}
        plugins={storyContentPlugins()}
        toMarkdownOptions={storyMarkdownOptions}
        onError={({ error }) => errors.push(error)}
      />,
    );
  });
  return editor.current!.getMarkdown();
}

/** The same, in an editor already open: what "Start from their version" and a restore do. Much faster. */
async function replaceAndSave(body: string): Promise<string> {
  await act(async () => editor.current!.setMarkdown(body));
  return editor.current!.getMarkdown();
}

async function expectSameMeaning(body: string, open = openAndSave) {
  expect(richEditingObstacle(body)).toBeNull();
  const saved = await open(body);
  expect(errors).toEqual([]);
  expect(() => readCheckedArticle(saved)).not.toThrow();
  expect(storyMeaning(saved)).toEqual(storyMeaning(body));
  // Opening what was saved and saving again changes nothing: no drift from one save to the next.
  expect(await open(saved)).toBe(saved);
}

describe("a story opened in the rich editor and saved back means what it meant", () => {
  beforeAll(() => {
    const container = document.createElement("div");
    document.body.append(container);
    root = createRoot(container);
  });
  afterAll(() => act(() => root.unmount()));

  it("for every story in content/, the commissioned story among them", async () => {
    const content = await loadNewsroomContent(path.join(process.cwd(), "content"));
    expect(content.articles.map((article) => path.basename(article.file))).toContain(COMMISSIONED_STORY);
    for (const article of content.articles) await expectSameMeaning(article.body);
  });

  it(`for ${FAKE_BODIES} bodies as npm run db:fake writes them`, { timeout: 600_000 }, async () => {
    const bodies = fakeArticleBodies(FAKE_BODIES, FAKE_SEED, photos);
    expect(bodies.some((body) => body.includes("<PullQuote"))).toBe(true);
    await openAndSave("");
    for (const body of bodies) await expectSameMeaning(body, replaceAndSave);
  });

  it("for the pieces staff use: subheadings, lists, tables, links, asides and emphasis", async () => {
    await expectSameMeaning(
      [
        "A first paragraph with **bold**, _italic_, ~~struck~~, `code` and [a link](https://example.org/a?b=1&c=2).",
        "## What happens next",
        "1. One\n2. Two",
        "- A\n- B",
        "> A quotation from the minister.",
        "| Town | Ferries |\n| --- | --- |\n| Aldermoor | 4 |",
        '<Aside title="Facts & figures">\nThe lake is 40 km long.\n\n- Deep\n- Cold\n</Aside>',
        '<PullQuote by="Ada, the harbour master">We sail at **nine**.</PullQuote>',
        "---",
        "The end.",
      ].join("\n\n"),
    );
  });
});
