"use client";

import "@mdxeditor/editor/style.css";
import "./story-editor.css";
import {
  BlockTypeSelect,
  BoldItalicUnderlineToggles,
  ButtonWithTooltip,
  CreateLink,
  InsertTable,
  InsertThematicBreak,
  insertJsx$,
  ListsToggle,
  MDXEditor,
  Separator,
  StrikeThroughSupSubToggles,
  toolbarPlugin,
  UndoRedo,
  usePublisher,
} from "@mdxeditor/editor";
import { useState } from "react";
import { describePhotoFromStoryAction } from "@/app/admin/(newsroom)/photos/actions";
import { PhotoPicker } from "@/components/admin/photo-picker";
import type { PhotoSummary } from "@/db/queries/media";
import { PhotoTextFromStory } from "./figure-editor";
import { InsertFootnote } from "./footnotes-plugin";
import { figureProps, type FigurePhoto } from "./figure-props";
import { onlyMarkdownFormats } from "./markdown-formats-plugin";
import { photoDropPlugin } from "./photo-drop-plugin";
import { storyContentPlugins, storyMarkdownOptions } from "./story-editor-plugins";

export type RichStoryEditorProps = {
  markdown: string;
  /** Called with the body as it will be saved, only when the writer changed something. */
  onChange: (markdown: string) => void;
  /** The editor could not read the body after all: the field falls back to source, saying why. */
  onUnreadable: (reason: string) => void;
  photos: PhotoSummary[];
  uploadPhotos: (files: File[]) => Promise<FigurePhoto[]>;
};

/** The editing area is named as the field always was, so it reads as "Story" to a screen reader. */
function storyEditorText(key: string, fallback: string, values?: Record<string, unknown>): string {
  if (key === "contentArea.editableMarkdown") return "Story";
  return Object.entries(values ?? {}).reduce(
    (text, [name, value]) => text.replaceAll(`{{${name}}}`, String(value)),
    fallback,
  );
}

const describePhoto = (text: { id: string; caption: string; altText: string }) =>
  void describePhotoFromStoryAction(text).catch(() => undefined);

const TOOL = "rounded-sm px-2 py-1 text-sm font-semibold whitespace-nowrap";

function StoryToolbar({ photos }: { photos: PhotoSummary[] }) {
  const insertJsx = usePublisher(insertJsx$);
  const insertBlock = (name: "PullQuote" | "Aside", text: string, props: Record<string, string>) =>
    insertJsx({
      kind: "flow",
      name,
      props,
      children: [{ type: "paragraph", children: [{ type: "text", value: text }] }],
    });
  return (
    <>
      <UndoRedo />
      <Separator />
      <BoldItalicUnderlineToggles options={["Bold", "Italic"]} />
      <StrikeThroughSupSubToggles options={["Strikethrough"]} />
      <Separator />
      <BlockTypeSelect />
      <ListsToggle options={["bullet", "number"]} />
      <CreateLink />
      <InsertTable />
      <InsertThematicBreak />
      <Separator />
      <ButtonWithTooltip
        title="Pull quote"
        className={TOOL}
        onClick={() => insertBlock("PullQuote", "The quotation", { by: "Speaker" })}
      >
        Pull quote
      </ButtonWithTooltip>
      <ButtonWithTooltip
        title="Aside"
        className={TOOL}
        onClick={() => insertBlock("Aside", "The text of the aside", {})}
      >
        Aside
      </ButtonWithTooltip>
      <InsertFootnote />
      <PhotoPicker
        photos={photos}
        label="Insert a photo"
        onPick={(photo) => insertJsx({ kind: "flow", name: "Figure", props: figureProps(photo) })}
      />
    </>
  );
}

/**
 * The story as the writer will see it, saved as the same checked MDX as ever. Loaded only on staff
 * pages, in the browser (it needs the DOM, and it is far too heavy for readers).
 */
export default function RichStoryEditor(props: RichStoryEditorProps) {
  // Made once, when the editor opens: the upload function and the first page of photos are stable.
  const [plugins] = useState(() => [
    ...storyContentPlugins(),
    onlyMarkdownFormats(),
    photoDropPlugin({ upload: props.uploadPhotos }),
    toolbarPlugin({
      toolbarClassName: "story-toolbar",
      toolbarContents: () => <StoryToolbar photos={props.photos} />,
    }),
  ]);

  return (
    <PhotoTextFromStory value={describePhoto}>
      <MDXEditor
        markdown={props.markdown}
        plugins={plugins}
        toMarkdownOptions={storyMarkdownOptions}
        // Opening a body rewrites its spelling (`*` for `_`): that is not a change the writer made.
        onChange={(markdown, normalising) => {
          if (!normalising) props.onChange(markdown);
        }}
        onError={({ error }) => props.onUnreadable(error)}
        className="rounded-sm border border-stone-400 bg-white dark:border-stone-600 dark:bg-stone-900"
        contentEditableClassName="prose prose-stone dark:prose-invert max-w-none min-h-96 font-serif"
        translation={(key, fallback, values) => storyEditorText(key, fallback, values)}
      />
    </PhotoTextFromStory>
  );
}
