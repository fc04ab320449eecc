import type { Metadata } from "next";
import { NewsroomDate } from "@/components/newsroom-date";
import { listTrashedArticles } from "@/db/queries/newsroom-articles";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { restoreFromTrashAction } from "../articles/actions";

export const metadata: Metadata = { title: "Trash", robots: { index: false } };

export default async function TrashPage() {
  let trashed;
  try {
    trashed = await listTrashedArticles();
  } catch (error) {
    if (error instanceof NotAuthorizedError)
      return <p role="status">Only administrators can restore stories from the trash.</p>;
    throw error;
  }
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Trash</h1>
      {trashed.length === 0 ? <p>The trash is empty.</p> : null}
      <ul className="divide-y divide-stone-200 text-sm dark:divide-stone-800">
        {trashed.map((article) => (
          <li key={article.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <span className="font-semibold">{article.headline}</span> · {article.authorName} · trashed{" "}
              <NewsroomDate date={article.deletedAt} withTime />
            </span>
            <form action={restoreFromTrashAction}>
              <input type="hidden" name="id" value={article.id} />
              <button type="submit" className="rounded-sm border border-stone-500 px-2 py-0.5">
                Restore “{article.headline}”
              </button>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}
