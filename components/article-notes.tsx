import Link from "next/link";
import { NOTE_LABELS, isCorrection, noteAnchor, type NoteKind } from "@/lib/article-notes";
import { routes } from "@/lib/routes";
import { NewsroomDate } from "./newsroom-date";

type Note = { id: string; kind: NoteKind; body: string; notedAt: Date };

const PAST_TENSE: Record<NoteKind, string> = { correction: "corrected", clarification: "clarified", update: "updated" };

const UPDATE_CLASSES = "mt-4 space-y-2 border-l-4 border-sky-700 bg-sky-50 px-4 py-3 font-sans text-sm dark:bg-sky-950";
const ENTRY_NOTES_CLASSES =
  "mt-3 space-y-1 border-l-4 border-stone-500 bg-stone-100 px-3 py-2 font-sans text-sm dark:bg-stone-800";
const CORRECTIONS_CLASSES = "mt-10 border-t border-stone-300 pt-4 font-sans text-sm dark:border-stone-700";

function NoteText({ note }: { note: Note }) {
  return (
    <p id={noteAnchor(note.id)} className="scroll-mt-4">
      <strong>
        {NOTE_LABELS[note.kind]}, <NewsroomDate date={note.notedAt} withTime />:
      </strong>{" "}
      <span className="whitespace-pre-line">{note.body}</span>
    </p>
  );
}

/**
 * What goes at the top of a story: its update notes, newest first, and a link down to its
 * corrections, so a reader who stops after the first paragraph still learns the story was corrected.
 */
export function ArticleUpdateNotes({ notes }: { notes: Note[] }) {
  const updates = notes.filter((note) => !isCorrection(note.kind)).reverse();
  const corrections = notes.filter((note) => isCorrection(note.kind));
  if (updates.length === 0 && corrections.length === 0) return null;
  return (
    <div className={UPDATE_CLASSES} data-testid="story-update-notes">
      {updates.map((note) => (
        <NoteText key={note.id} note={note} />
      ))}
      {corrections.length > 0 ? (
        <p>
          <a href="#corrections" className="font-semibold underline">
            {corrections.length === 1
              ? `This story has been ${PAST_TENSE[corrections[0]!.kind]}: see the note at the end`
              : `This story has ${corrections.length} corrections and clarifications: see the notes at the end`}
          </a>
        </p>
      ) : null}
    </div>
  );
}

/** The story's corrections and clarifications at its foot, oldest first, each dated, as newspapers print them. */
export function ArticleCorrections({ notes }: { notes: Note[] }) {
  const corrections = notes.filter((note) => isCorrection(note.kind));
  if (corrections.length === 0) return null;
  return (
    <section id="corrections" aria-labelledby="corrections-heading" className={CORRECTIONS_CLASSES}>
      <h2 id="corrections-heading" className="mb-2 text-base font-bold">
        Corrections and clarifications
      </h2>
      <div className="space-y-2">
        {corrections.map((note) => (
          <NoteText key={note.id} note={note} />
        ))}
      </div>
      <p className="mt-3 text-stone-600 dark:text-stone-400">
        <Link href={routes.corrections()} className="underline">
          Every correction we have made
        </Link>
      </p>
    </section>
  );
}

/** A live entry's corrections and clarifications, oldest first, under the text they correct. */
export function LiveEntryNotes({ notes }: { notes: Note[] }) {
  if (notes.length === 0) return null;
  return (
    <div className={ENTRY_NOTES_CLASSES} data-testid="entry-notes">
      {notes.map((note) => (
        <NoteText key={note.id} note={note} />
      ))}
    </div>
  );
}
