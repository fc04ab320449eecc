import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import {
  EndLiveCoverageForm,
  LiveEntryComposer,
  LiveEntryControls,
  StartLiveCoverageForm,
} from "@/components/admin/live-coverage-forms";
import { NewsroomDate } from "@/components/newsroom-date";
import { getLiveCoverageForStaff } from "@/db/queries/live-coverage";
import { refusedOr } from "@/lib/actions/staff-action";
import { NOTE_LABELS } from "@/lib/article-notes";
import { canPublish, hasRole } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/staff";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Live coverage", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

const BADGE = "rounded-full px-2 py-0.5 text-xs font-semibold";
const SETTINGS_BOX = "mb-8 flex flex-wrap items-end gap-6 rounded-sm border border-stone-300 p-4 dark:border-stone-700";

export default async function LiveCoveragePage({ params }: Props) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const loaded = await refusedOr(() => getLiveCoverageForStaff({ articleId: id }));
  if ("refused" in loaded) {
    return (
      <p role="status" className="rounded-sm bg-red-100 p-4 text-red-950">
        {loaded.refused}
      </p>
    );
  }
  const staff = await requireStaff();
  const { coverage, entries } = loaded;
  const isLive = coverage.startedAt !== null && coverage.endedAt === null;
  const editor = canPublish(staff);

  return (
    <>
      <div className="mb-6 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Live coverage: {coverage.headline}</h1>
        <p className="text-sm">
          <Link href={routes.article(coverage.slug)} className="underline">
            View on the site
          </Link>
          {editor ? (
            <>
              {" "}
              ·{" "}
              <Link href={`/admin/articles/${id}`} className="underline">
                Edit the story
              </Link>
            </>
          ) : null}
        </p>
      </div>
      {coverage.startedAt === null ? (
        <p className="mb-4">This story is not live coverage.</p>
      ) : (
        <p className="mb-4 text-sm" data-testid="live-state">
          Live since <NewsroomDate date={coverage.startedAt} withTime />
          {coverage.endedAt ? (
            <>
              ; ended <NewsroomDate date={coverage.endedAt} withTime />
            </>
          ) : null}
          . {coverage.entriesNeedReview ? "Writers’ entries wait for an editor." : "Entries go to readers at once."}
        </p>
      )}
      {editor ? (
        <div className={SETTINGS_BOX}>
          <StartLiveCoverageForm articleId={id} live={isLive} />
          {isLive ? <EndLiveCoverageForm articleId={id} /> : null}
        </div>
      ) : null}
      {isLive ? (
        <section
          aria-labelledby="composer"
          className="mb-10 rounded-sm border border-stone-300 p-4 dark:border-stone-700"
        >
          <h2 id="composer" className="mb-3 font-bold">
            New update
          </h2>
          <LiveEntryComposer articleId={id} />
        </section>
      ) : null}
      <section aria-labelledby="entries">
        <h2 id="entries" className="mb-3 text-lg font-bold">
          Updates ({entries.length})
        </h2>
        <ol className="divide-y divide-stone-200 dark:divide-stone-800">
          {entries.map((entry) => (
            <li key={entry.id} className="py-3 text-sm">
              <p>
                <NewsroomDate date={entry.postedAt} withTime /> · {entry.authorName}
                {entry.status === "pending" ? (
                  <span className={`ml-2 ${BADGE} bg-sky-100 text-sky-900`}>waiting for an editor</span>
                ) : null}
                {entry.pinned ? <span className={`ml-2 ${BADGE} bg-red-100 text-red-900`}>key event</span> : null}
              </p>
              {entry.title ? <p className="mt-1 font-semibold">{entry.title}</p> : null}
              <p className="mt-1 whitespace-pre-line">{entry.bodyMdx}</p>
              {entry.notes.map((note) => (
                <p key={note.id} className="mt-1 border-l-2 border-stone-400 pl-2">
                  <strong>
                    {NOTE_LABELS[note.kind]}, <NewsroomDate date={note.notedAt} withTime />:
                  </strong>{" "}
                  {note.body}
                </p>
              ))}
              <LiveEntryControls
                articleId={id}
                entry={entry}
                mayEdit={entry.authorId === staff.id || hasRole(staff, "editor")}
                mayApprove={editor}
              />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
