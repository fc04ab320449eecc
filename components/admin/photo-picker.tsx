"use client";

import { useId, useRef } from "react";
import type { PhotoSummary } from "@/db/queries/media";
import { MissingTextBadge, PhotoThumbnail, photoFacts } from "./photo-details";

type Props = {
  photos: PhotoSummary[];
  onPick: (photo: PhotoSummary) => void;
  /** The button that opens the picker, and the dialog's title: "Insert a photo", "Choose the lead photo". */
  label: string;
};

const DIALOG =
  "m-auto w-full max-w-3xl rounded-sm bg-white p-4 text-stone-900 shadow-xl backdrop:bg-stone-900/60 " +
  "dark:bg-stone-900 dark:text-stone-100";
const PHOTO_CHOICE =
  "w-full rounded-sm border border-stone-300 p-2 text-left text-sm hover:border-stone-900 focus-visible:outline-2 " +
  "dark:border-stone-700 dark:hover:border-stone-100";

/** How a photo is named in the list: its caption, else its alt text, else the file it came from. */
function photoName(photo: PhotoSummary): string {
  return photo.caption.trim() || photo.altText.trim() || photo.originalName || "Untitled photo";
}

/**
 * Chooses a photo from the library. A native modal dialog keeps focus inside
 * while open, closes on Escape and gives focus back to the button that opened it.
 */
export function PhotoPicker({ photos, onPick, label }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  function pick(photo: PhotoSummary) {
    dialogRef.current?.close();
    onPick(photo);
  }

  return (
    <>
      <button
        type="button"
        onClick={() => dialogRef.current?.showModal()}
        className="rounded-sm border border-stone-500 px-3 py-1 text-sm font-semibold"
      >
        {label}
      </button>
      <dialog ref={dialogRef} aria-labelledby={titleId} className={DIALOG}>
        <div className="mb-3 flex items-center justify-between gap-3">
          <h2 id={titleId} className="text-lg font-bold">
            {label}
          </h2>
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            className="rounded-sm border border-stone-500 px-3 py-1 text-sm"
          >
            Close
          </button>
        </div>
        {photos.length === 0 ? (
          <p>The photo library is empty. Upload photos on the Photos page first.</p>
        ) : (
          <ul className="grid max-h-[70vh] grid-cols-2 gap-3 overflow-y-auto sm:grid-cols-3">
            {photos.map((photo) => (
              <li key={photo.id}>
                <button type="button" onClick={() => pick(photo)} className={PHOTO_CHOICE}>
                  <PhotoThumbnail photo={photo} />
                  <span className="mt-2 line-clamp-2 block font-semibold">{photoName(photo)}</span>
                  <span className="block text-xs text-stone-500 dark:text-stone-400">{photoFacts(photo)}</span>
                  <MissingTextBadge photo={photo} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </dialog>
    </>
  );
}
