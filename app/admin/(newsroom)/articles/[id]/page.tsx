import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ArticleEditor } from "@/components/admin/article-editor";
import { AddArticleNoteForm } from "@/components/admin/article-note-forms";
import { ArticleNoteList } from "@/components/admin/article-note-list";
import { listArticleNotesForStaff } from "@/db/queries/article-notes";
import { MAX_PHOTO_BYTES } from "@/lib/media/inspect-photo";
import { NewsroomDate } from "@/components/newsroom-date";
import { listPhotosForStory } from "@/db/queries/media";
import {
  getArticleForEditing,
  listArticleRevisions,
  listEditorChoices,
  type ArticleReview,
} from "@/db/queries/newsroom-articles";
import { canPublish, hasRole } from "@/lib/auth/roles";
import { refusedOr } from "@/lib/actions/staff-action";
import { requireStaff } from "@/lib/auth/staff";
import { restoreRevisionAction, trashArticleAction } from "../actions";
import { bylineText } from "@/lib/bylines";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Edit story", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

/** Why a button on this page sent the editor back here: each outcome the story's actions can have. */
const PROBLEMS: Record<string, string> = {
  invalid: "That could not be done: the form was out of date. Reload the page and try again.",
  refused: "You may not change this story.",
};

const TRASH_BUTTON =
  "mt-2 rounded-sm border border-red-800 px-3 py-1 text-sm font-semibold text-red-900 dark:text-red-200";

// `?created=` names what the first press of a button did to the new story.
const CREATED: Record<string, string> = {
  draft: "Draft saved.",
  review: "Sent for review.",
  published: "Published.",
  scheduled: "Scheduled.",
};

const RETURNED_NOTICE = "mb-4 rounded-sm border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-sm dark:bg-amber-950";
const WAITING_NOTICE = "mb-4 rounded-sm bg-sky-100 px-3 py-2 text-sm text-sky-950";

/** Where the story stands with the editors: the returning editor's note stays until it is sent again. */
function ReviewNotice({ review }: { review: ArticleReview }) {
  if (review.state === "ready" && review.requestedAt) {
    return (
      <p role="status" className={WAITING_NOTICE} data-testid="review-notice">
        Ready for review: sent <NewsroomDate date={review.requestedAt} withTime />.
      </p>
    );
  }
  if (review.state !== "returned") return null;
  return (
    <section role="status" aria-labelledby="review-note" className={RETURNED_NOTICE} data-testid="review-notice">
      <h2 id="review-note" className="font-semibold">
        Returned by {review.reviewedByName ?? "an editor"}
        {review.reviewedAt ? (
          <>
            {" "}
            on <NewsroomDate date={review.reviewedAt} withTime />
          </>
        ) : null}
      </h2>
      <p className="mt-1 whitespace-pre-line">{review.note}</p>
      <p className="mt-2 text-stone-600 dark:text-stone-400">Make the changes, then press “Send for review” again.</p>
    </section>
  );
}

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const notice = await searchParams;
  if (!z.uuid().safeParse(id).success) notFound();
  const article = await refusedOr(() => getArticleForEditing({ id }));
  // Trashed or deleted, perhaps while someone had it open: not found, never "forbidden".
  if (!article) notFound();
  if ("refused" in article) {
    return (
      <p role="status" className="rounded-sm bg-red-100 p-4 text-red-950">
        {article.refused}
      </p>
    );
  }
  const [staff, choices, revisions, library, notes] = await Promise.all([
    requireStaff(),
    listEditorChoices(),
    listArticleRevisions({ id }),
    listPhotosForStory({ leadPhotoId: article.heroMediaId }),
    listArticleNotesForStaff({ articleId: id }),
  ]);

  return (
    <>
      <div className="mb-6 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Edit story</h1>
        <p className="text-sm">
          <span className="font-semibold">{article.status}</span> · by{" "}
          {bylineText(article.bylines.map((byline) => byline.name))} ·{" "}
          <Link href={`/admin/articles/${article.id}/live`} className="underline">
            Live coverage
          </Link>
          {article.status === "published" ? (
            <>
              {" "}
              ·{" "}
              <Link href={routes.article(article.slug)} className="underline">
                View on the site
              </Link>
            </>
          ) : null}
        </p>
      </div>
      {notice.created ? (
        <p role="status" className="mb-4 rounded-sm bg-emerald-100 px-3 py-2 text-sm text-emerald-950">
          {CREATED[notice.created] ?? CREATED.draft}
        </p>
      ) : null}
      {notice.problem && PROBLEMS[notice.problem] ? (
        <p role="status" className="mb-4 rounded-sm bg-red-100 px-3 py-2 text-sm text-red-950">
          {PROBLEMS[notice.problem]}
        </p>
      ) : null}
      {notice.restored ? (
        <p role="status" className="mb-4 rounded-sm bg-emerald-100 px-3 py-2 text-sm text-emerald-950">
          Revision restored as a new version.
        </p>
      ) : null}
      {notice["restored-from-trash"] ? (
        <p role="status" className="mb-4 rounded-sm bg-emerald-100 px-3 py-2 text-sm text-emerald-950">
          Restored from the trash as a draft.
        </p>
      ) : null}
      {notice["restore-conflict"] ? (
        <p role="status" className="mb-4 rounded-sm bg-red-100 px-3 py-2 text-sm text-red-950">
          Someone saved this story just before the restore; nothing was changed. Try again.
        </p>
      ) : null}
      <ReviewNotice review={article.review} />
      <ArticleEditor
        article={{ ...article, id: article.id, version: article.version, reviewState: article.review.state }}
        photos={library.photos}
        sections={choices.sections}
        tagNames={choices.tags.map((tag) => tag.name)}
        writers={choices.authors}
        mayPublish={canPublish(staff)}
        maxPhotoBytes={MAX_PHOTO_BYTES}
      />
      {article.status === "published" || notes.length > 0 ? (
        <section aria-labelledby="notes" className="mt-12 font-sans">
          <h2 id="notes" className="mb-3 text-lg font-bold">
            Corrections and updates
          </h2>
          <ArticleNoteList notes={notes} mayAdminister={hasRole(staff, "admin")} />
          {article.status === "published" && canPublish(staff) ? (
            <div className="mt-4 rounded-sm border border-stone-300 p-4 dark:border-stone-700">
              <AddArticleNoteForm articleId={article.id} />
            </div>
          ) : null}
        </section>
      ) : null}
      <form action={trashArticleAction} className="mt-8 font-sans">
        <input type="hidden" name="id" value={article.id} />
        <details>
          <summary className="cursor-pointer text-sm text-red-900 dark:text-red-300">
            Move this story to the trash…
          </summary>
          <p className="mt-2 text-sm">Readers will no longer see it. An administrator can restore it from the trash.</p>
          <button type="submit" className={TRASH_BUTTON}>
            Move to trash
          </button>
        </details>
      </form>
      <section aria-labelledby="history" className="mt-12 font-sans">
        <h2 id="history" className="mb-3 text-lg font-bold">
          History
        </h2>
        {revisions.length > 1 ? (
          <form
            method="get"
            action={`/admin/articles/${article.id}/compare`}
            aria-label="Compare two versions"
            className="mb-3 flex flex-wrap items-end gap-3 text-sm"
          >
            {(
              [
                ["from", "From version", revisions[1]!.version],
                ["to", "To version", revisions[0]!.version],
              ] as const
            ).map(([name, label, version]) => (
              <label key={name} className="flex flex-col">
                {label}
                <select
                  name={name}
                  defaultValue={version}
                  className="rounded-sm border border-stone-400 px-2 py-1 dark:bg-stone-900"
                >
                  {revisions.map((revision) => (
                    <option key={revision.id} value={revision.version}>
                      Version {revision.version}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit" className="rounded-sm border border-stone-500 px-3 py-1 font-semibold">
              Compare versions
            </button>
          </form>
        ) : null}
        <ol className="divide-y divide-stone-200 text-sm dark:divide-stone-800">
          {revisions.map((revision, index) => (
            <li key={revision.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                Version {revision.version} · “{revision.headline}” · {revision.savedByName ?? "unknown"} ·{" "}
                <NewsroomDate date={revision.createdAt} withTime />
                {index + 1 < revisions.length ? (
                  <>
                    {" "}
                    ·{" "}
                    <Link
                      href={{
                        pathname: `/admin/articles/${article.id}/compare`,
                        query: { from: revisions[index + 1]!.version, to: revision.version },
                      }}
                      className="underline"
                    >
                      Changes<span className="sr-only"> in version {revision.version}</span>
                    </Link>
                  </>
                ) : null}
              </span>
              {revision.version !== article.version ? (
                <form action={restoreRevisionAction}>
                  <input type="hidden" name="id" value={article.id} />
                  <input type="hidden" name="revisionId" value={revision.id} />
                  <input type="hidden" name="expectedVersion" value={article.version} />
                  <button type="submit" className="rounded-sm border border-stone-500 px-2 py-0.5">
                    Restore version {revision.version}
                  </button>
                </form>
              ) : (
                <span className="text-stone-500">current</span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
