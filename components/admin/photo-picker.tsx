"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { findPhotosAction } from "@/app/admin/(newsroom)/photos/actions";
import type { PhotoLibraryPage, PhotoSummary } from "@/db/queries/media";
import { MissingTextBadge, PhotoThumbnail, photoFacts } from "./photo-details";
import { inputClass } from "./form-field";

type Props = {
  /** The newest photos, shown until the picker's own first search answers. */
  photos: PhotoSummary[];
  onPick: (photo: PhotoSummary) => void;
  /** The button that opens the picker, and the dialog's title: "Insert a photo", "Choose the lead photo". */
  label: string;
};

/** What the picker shows: the photos of pages 1 to `page` of the search for `query`. */
type Shown = PhotoLibraryPage & { query: string; page: number };

type Answer = { status: "ok"; found: PhotoLibraryPage } | { status: "failed"; message: string };

// Long enough to wait out a word being typed, short enough to feel like searching as you type.
const SEARCH_DELAY_MS = 300;
const LIBRARY_PAGE = "/admin/photos";

const DIALOG =
  "m-auto w-full max-w-3xl rounded-sm bg-white p-4 text-stone-900 shadow-xl backdrop:bg-stone-900/60 " +
  "dark:bg-stone-900 dark:text-stone-100";
const PHOTO_CHOICE =
  "w-full rounded-sm border border-stone-300 p-2 text-left text-sm hover:border-stone-900 focus-visible:outline-2 " +
  "dark:border-stone-700 dark:hover:border-stone-100";
const BUTTON = "rounded-sm border border-stone-500 px-3 py-1 text-sm font-semibold disabled:opacity-60";

/** How a photo is named in the list: its caption, else its alt text, else the file it came from. */
function photoName(photo: PhotoSummary): string {
  return photo.caption.trim() || photo.altText.trim() || photo.originalName || "Untitled photo";
}

async function askLibrary(query: string, page: number): Promise<Answer> {
  const search = new FormData();
  search.set("q", query);
  search.set("page", String(page));
  try {
    const result = await findPhotosAction(undefined, search);
    if (result.status !== "ok") return { status: "failed", message: result.message };
    return { status: "ok", found: { photos: result.photos, total: result.total, totalPages: result.totalPages } };
  } catch {
    return { status: "failed", message: "The library could not be reached. Check the connection and try again." };
  }
}

// A photo uploaded while someone pages moves every later photo down one place: the repeat is left out.
function withoutRepeats(before: PhotoSummary[], more: PhotoSummary[]): PhotoSummary[] {
  const shown = new Set(before.map((photo) => photo.id));
  return [...before, ...more.filter((photo) => !shown.has(photo.id))];
}

function countText(shown: Shown): string {
  const photos = `${shown.total} ${shown.total === 1 ? "photo" : "photos"}`;
  const where = shown.query ? `${shown.total === 1 ? "matches" : "match"} “${shown.query}”` : "in the library";
  return `${photos} ${where}; ${shown.photos.length} shown.`;
}

function statusText(loading: "search" | "more" | null, shown: Shown | null): string {
  if (loading === "search") return "Searching the library…";
  if (loading === "more") return "Loading more photos…";
  return shown ? countText(shown) : "";
}

function EmptyLibrary({ query, onClear }: { query: string; onClear: () => void }) {
  if (!query) {
    return (
      <p className="text-sm">
        The photo library is empty. Upload photos on the{" "}
        <a href={LIBRARY_PAGE} target="_blank" rel="noopener" className="font-semibold underline">
          Photos page (opens in a new tab)
        </a>
        , then close this and open it again.
      </p>
    );
  }
  return (
    <div className="space-y-2 text-sm">
      <p>
        No photo has “{query}” in its caption, alt text, camera or file name. Check the spelling or try a single word.
      </p>
      <button type="button" onClick={onClear} className={BUTTON}>
        Clear the search
      </button>
    </div>
  );
}

function PhotoChoices({ photos, onPick }: { photos: PhotoSummary[]; onPick: (photo: PhotoSummary) => void }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {photos.map((photo) => (
        <li key={photo.id}>
          <button type="button" onClick={() => onPick(photo)} className={PHOTO_CHOICE} data-photo-choice>
            <PhotoThumbnail photo={photo} />
            <span className="mt-2 line-clamp-2 block font-semibold">{photoName(photo)}</span>
            <span className="block text-xs text-stone-500 dark:text-stone-400">{photoFacts(photo)}</span>
            <MissingTextBadge photo={photo} />
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * Chooses a photo from the library, searching it on the server as the writer types and paging
 * through it newest first. A native modal dialog keeps focus inside while open, closes on Escape
 * and gives focus back to the button that opened it. It sits inside the story's form, so the
 * search box has no name (it is never saved with the story) and Enter searches instead of saving.
 */
export function PhotoPicker({ photos, onPick, label }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latestRequest = useRef(0);
  // After "More photos", focus moves to the first photo it brought, since the button may be gone.
  const focusChoice = useRef<number | null>(null);
  const titleId = useId();
  const searchId = useId();
  const [query, setQuery] = useState("");
  const [shown, setShown] = useState<Shown | null>(null);
  const [loading, setLoading] = useState<"search" | "more" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    const index = focusChoice.current;
    if (index === null) return;
    focusChoice.current = null;
    listRef.current?.querySelectorAll<HTMLButtonElement>("[data-photo-choice]")[index]?.focus();
  }, [shown]);

  /** Page 1 of a search replaces what is shown; a later page (`after`, what is shown now) adds to it. */
  async function load(text: string, page: number, after: PhotoSummary[] = []) {
    const request = ++latestRequest.current;
    setLoading(page === 1 ? "search" : "more");
    setProblem(null);
    const answer = await askLibrary(text, page);
    // A slower answer to an earlier search never replaces a newer one.
    if (request !== latestRequest.current) return;
    setLoading(null);
    if (answer.status === "failed") {
      setProblem(answer.message);
      return;
    }
    if (page > 1) focusChoice.current = after.length;
    setShown({ ...answer.found, query: text, page, photos: withoutRepeats(after, answer.found.photos) });
  }

  function searchIn(delay: number, text = query) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(text.trim(), 1), delay);
  }

  function open() {
    dialogRef.current?.showModal();
    searchRef.current?.focus();
    // The library may have changed since the page loaded: the picker always shows it as it is now.
    searchIn(0);
  }

  function searchNow(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    searchIn(0);
  }

  function clearSearch() {
    setQuery("");
    searchIn(0, "");
    searchRef.current?.focus();
  }

  function pick(photo: PhotoSummary) {
    dialogRef.current?.close();
    onPick(photo);
  }

  const listed = shown?.photos ?? photos;

  return (
    <>
      <button type="button" onClick={open} className={BUTTON}>
        {label}
      </button>
      <dialog ref={dialogRef} aria-labelledby={titleId} className={DIALOG}>
        <div className="mb-3 flex items-center justify-between gap-3">
          <h2 id={titleId} className="text-lg font-bold">
            {label}
          </h2>
          <button type="button" onClick={() => dialogRef.current?.close()} className={BUTTON}>
            Close
          </button>
        </div>
        <div role="search" className="mb-2">
          <label htmlFor={searchId} className="block text-sm font-semibold">
            Search by caption, alt text, camera or file name
          </label>
          <input
            ref={searchRef}
            id={searchId}
            type="search"
            value={query}
            maxLength={200}
            autoComplete="off"
            enterKeyHint="search"
            onChange={(event) => {
              setQuery(event.target.value);
              searchIn(SEARCH_DELAY_MS, event.target.value);
            }}
            onKeyDown={searchNow}
            className={inputClass}
          />
        </div>
        <p role="status" className="mb-3 min-h-5 text-sm text-stone-600 dark:text-stone-400">
          {statusText(loading, shown)}
        </p>
        {problem ? (
          <p role="alert" className="mb-3 rounded-sm bg-red-100 px-3 py-2 text-sm text-red-950">
            {problem}
          </p>
        ) : null}
        <div ref={listRef} className="max-h-[60vh] space-y-3 overflow-y-auto">
          {listed.length === 0 && !loading ? (
            <EmptyLibrary query={shown?.query ?? ""} onClear={clearSearch} />
          ) : (
            <PhotoChoices photos={listed} onPick={pick} />
          )}
          {shown && shown.page < shown.totalPages ? (
            <button
              type="button"
              onClick={() => void load(shown.query, shown.page + 1, shown.photos)}
              disabled={loading !== null}
              className={BUTTON}
            >
              {loading === "more" ? "Loading more photos…" : "More photos"}
            </button>
          ) : null}
        </div>
      </dialog>
    </>
  );
}
