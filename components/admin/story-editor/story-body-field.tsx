"use client";

import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { inputClass } from "@/components/admin/form-field";
import { PhotoPicker } from "@/components/admin/photo-picker";
import type { PhotoSummary } from "@/db/queries/media";
import { applyBodyCommand, insertLibraryPhoto, type BodyCommand, type BodyEdit } from "@/lib/editor/body-commands";
import { pastedHtmlToMarkdown } from "@/lib/editor/paste-as-markdown";
import { richEditingObstacle } from "@/lib/mdx/rich-editing";
import type { FigurePhoto } from "./figure-props";
import type { RichStoryEditorProps } from "./rich-story-editor";

// Only staff pages load this, and only in the browser: Lexical needs the DOM and weighs ~300 KB.
const RichStoryEditor = dynamic<RichStoryEditorProps>(() => import("./rich-story-editor"), {
  ssr: false,
  loading: () => <p className="rounded-sm border border-stone-400 p-4 text-sm">Opening the editor…</p>,
});

export type EditingMode = "rich" | "source";

const SOURCE_TOOLBAR: Array<{ command: BodyCommand; label: string; text: string }> = [
  { command: "heading", label: "Subheading", text: "H2" },
  { command: "bold", label: "Bold", text: "B" },
  { command: "italic", label: "Italic", text: "I" },
  { command: "link", label: "Link", text: "Link" },
  { command: "quote", label: "Quotation", text: "“ ”" },
  { command: "list", label: "List", text: "• List" },
  { command: "pullQuote", label: "Pull quote", text: "Pull quote" },
  { command: "figure", label: "Photo described in words, file to follow", text: "Described photo" },
];

const TOOL_BUTTON =
  "rounded-sm border border-stone-400 px-2 py-0.5 text-xs font-semibold hover:bg-stone-100 dark:hover:bg-stone-800";
const MODE_BUTTON =
  "rounded-sm border border-stone-500 px-3 py-1 text-sm aria-pressed:bg-stone-900 aria-pressed:text-white " +
  "dark:aria-pressed:bg-stone-100 dark:aria-pressed:text-stone-900";
const NOTICE = "rounded-sm border-l-4 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950";

type Props = {
  body: string;
  onChange: (body: string) => void;
  /** Bumped when the body is replaced from outside (their version, in a conflict): the editor reopens it. */
  opened: number;
  photos: PhotoSummary[];
  uploadPhotos: (files: File[]) => Promise<FigurePhoto[]>;
  errors?: string[];
};

function SourceToolbar({
  photos,
  edit,
}: {
  photos: PhotoSummary[];
  edit: (change: (e: BodyEdit) => BodyEdit) => void;
}) {
  return (
    <div role="toolbar" aria-label="Formatting" aria-controls="bodyMdx" className="flex flex-wrap items-center gap-1">
      {SOURCE_TOOLBAR.map((tool) => (
        <button
          key={tool.command}
          type="button"
          aria-label={tool.label}
          title={tool.label}
          onClick={() => edit((current) => applyBodyCommand(tool.command, current))}
          className={TOOL_BUTTON}
        >
          {tool.text}
        </button>
      ))}
      <PhotoPicker
        photos={photos}
        label="Insert a photo"
        onPick={(photo) => edit((current) => insertLibraryPhoto(current, photo))}
      />
    </div>
  );
}

/**
 * The story's body: in the rich editor, or as MDX source for those who want it and for a body the
 * rich editor could not show faithfully — which then opens as source, saying why, and is never
 * rewritten. Either way the form sends the same `bodyMdx`.
 */
export function StoryBodyField({ body, onChange, opened, photos, uploadPhotos, errors }: Props) {
  const [mode, setMode] = useState<EditingMode>(() => (richEditingObstacle(body) ? "source" : "rich"));
  const [notice, setNotice] = useState<string | null>(() => sourceNotice(richEditingObstacle(body)));
  const [richOpenings, setRichOpenings] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);

  function switchTo(next: EditingMode) {
    if (next === mode) return;
    if (next === "rich") {
      const obstacle = richEditingObstacle(body);
      if (obstacle) return setNotice(sourceNotice(obstacle));
      setRichOpenings((count) => count + 1);
    }
    setNotice(null);
    setMode(next);
  }

  function edit(change: (current: BodyEdit) => BodyEdit) {
    const area = textarea.current;
    if (!area) return;
    const next = change({ text: body, selectionStart: area.selectionStart, selectionEnd: area.selectionEnd });
    onChange(next.text);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(next.selectionStart, next.selectionEnd);
    });
  }

  function pasteFromWordProcessor(event: React.ClipboardEvent<HTMLTextAreaElement>) {
    const html = event.clipboardData.getData("text/html");
    if (!html) return;
    event.preventDefault();
    const markdown = pastedHtmlToMarkdown(html);
    edit(({ text, selectionStart, selectionEnd }) => {
      const cursor = selectionStart + markdown.length;
      return {
        text: text.slice(0, selectionStart) + markdown + text.slice(selectionEnd),
        selectionStart: cursor,
        selectionEnd: cursor,
      };
    });
  }

  return (
    <div className="space-y-2">
      <input type="hidden" name="bodyMdx" value={body} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span id="story-label" className="block text-sm font-semibold">
          {mode === "source" ? <label htmlFor="bodyMdx">Story</label> : "Story"}
        </span>
        <div role="group" aria-label="How to edit the story" className="flex gap-1">
          <button type="button" aria-pressed={mode === "rich"} onClick={() => switchTo("rich")} className={MODE_BUTTON}>
            Rich text
          </button>
          <button
            type="button"
            aria-pressed={mode === "source"}
            onClick={() => switchTo("source")}
            className={MODE_BUTTON}
          >
            MDX source
          </button>
        </div>
      </div>
      {notice ? (
        <p role="status" className={NOTICE} data-testid="editing-mode-notice">
          {notice}
        </p>
      ) : null}
      {mode === "rich" ? (
        <RichStoryEditor
          key={`${opened}:${richOpenings}`}
          markdown={body}
          onChange={onChange}
          onUnreadable={(reason) => {
            setMode("source");
            setNotice(sourceNotice(`the rich editor could not read it (${reason})`));
          }}
          photos={photos}
          uploadPhotos={uploadPhotos}
        />
      ) : (
        <>
          <SourceToolbar photos={photos} edit={edit} />
          <textarea
            id="bodyMdx"
            ref={textarea}
            value={body}
            onChange={(event) => onChange(event.target.value)}
            onPaste={pasteFromWordProcessor}
            rows={22}
            className={`${inputClass} font-mono text-sm`}
          />
        </>
      )}
      {errors ? <p className="text-sm text-red-800">{errors.join(" ")}</p> : null}
    </div>
  );
}

function sourceNotice(obstacle: string | null): string | null {
  return obstacle ? `This story opens as MDX source because ${obstacle}. Nothing in it has been changed.` : null;
}
