"use client";

import { useMdastNodeUpdater, type JsxEditorProps } from "@mdxeditor/editor";
import { createContext, useContext, useId } from "react";
import { photoUrl, THUMBNAIL_WIDTH } from "@/lib/media/photo-url";
import { readAttributes, withAttribute } from "./jsx-attributes";

/** Gives a library photo the text written beside it in a story, where the library has none. */
export const PhotoTextFromStory = createContext<(text: { id: string; caption: string; altText: string }) => void>(
  () => {},
);

const FIGURE =
  "my-4 grid gap-3 rounded-sm border border-stone-300 bg-stone-50 p-3 font-sans not-italic sm:grid-cols-[10rem_1fr] " +
  "dark:border-stone-700 dark:bg-stone-900";
const FIELD = "mt-0.5 w-full rounded-sm border border-stone-400 bg-white px-2 py-1 text-sm dark:bg-stone-900";

/** What a photo in the story says about itself, edited in place; the camera is read from the file. */
export function FigureEditor({ mdastNode }: JsxEditorProps) {
  const update = useMdastNodeUpdater();
  const id = useId();
  const describeFromStory = useContext(PhotoTextFromStory);
  const values = readAttributes(mdastNode);
  const set = (name: string, keepEmpty: boolean) => (event: React.ChangeEvent<HTMLInputElement>) =>
    update({ attributes: withAttribute(mdastNode, name, event.target.value, keepEmpty) });
  // A photo dropped in moments ago has no text in the library yet: what is written here becomes its
  // text there (never replacing any), so the story can be published without a trip to the library.
  const describeInLibrary = () => {
    if (values.photo) {
      describeFromStory({ id: values.photo, caption: values.caption ?? "", altText: values.alt ?? "" });
    }
  };
  const field = (name: string, label: string, keepEmpty: boolean) => (
    <label htmlFor={`${id}-${name}`} className="block text-xs font-semibold">
      {label}
      <input
        id={`${id}-${name}`}
        value={values[name] ?? ""}
        onChange={set(name, keepEmpty)}
        onBlur={name === "credit" ? undefined : describeInLibrary}
        className={FIELD}
      />
    </label>
  );

  return (
    <figure
      role="group"
      aria-label={`Photo: ${values.caption || "no caption yet"}`}
      className={FIGURE}
      data-testid="story-photo"
    >
      {values.photo ? (
        // The published thumbnail, already resized by /media; decorative beside its own caption.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={photoUrl(values.photo, THUMBNAIL_WIDTH)} alt="" className="w-40 rounded-sm object-contain" />
      ) : (
        <p className="text-xs text-stone-600 dark:text-stone-400">Described photo: the file is still to come.</p>
      )}
      <div className="space-y-2">
        {field("caption", "Caption", true)}
        {field("alt", "Alt text (what the photo shows, for people who cannot see it)", false)}
        {field("credit", "Credit", false)}
        {values.camera ? (
          <p className="text-xs text-stone-600 dark:text-stone-400">Taken with {values.camera}</p>
        ) : null}
      </div>
    </figure>
  );
}
