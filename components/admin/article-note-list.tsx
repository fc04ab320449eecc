import type { ArticleNoteForStaff } from "@/db/queries/article-notes";
import { NOTE_LABELS } from "@/lib/article-notes";
import { NewsroomDate } from "../newsroom-date";
import { AdministerNote } from "./article-note-forms";

/** A story's notes on its staff page, oldest first, each with who made it; rendered on the server, as dates are. */
export function ArticleNoteList({ notes, mayAdminister }: { notes: ArticleNoteForStaff[]; mayAdminister: boolean }) {
  if (notes.length === 0) return <p className="text-sm">No corrections or updates on this story.</p>;
  return (
    <ol className="divide-y divide-stone-200 text-sm dark:divide-stone-800">
      {notes.map((note) => (
        <li key={note.id} className="py-2">
          <p>
            <strong>{NOTE_LABELS[note.kind]}</strong> · <NewsroomDate date={note.notedAt} withTime /> ·{" "}
            {note.createdByName ?? "unknown"}
          </p>
          {note.liveEntry ? (
            <p className="text-stone-600 dark:text-stone-400">
              On the live entry of <NewsroomDate date={note.liveEntry.postedAt} withTime />
            </p>
          ) : null}
          <p className="mt-1 whitespace-pre-line">{note.body}</p>
          {mayAdminister ? <AdministerNote note={note} /> : null}
        </li>
      ))}
    </ol>
  );
}
