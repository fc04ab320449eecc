import type { Metadata } from "next";
import { NewsroomDate } from "@/components/newsroom-date";
import { listTrashedArticles } from "@/db/queries/newsroom-articles";
import { refusedOr } from "@/lib/actions/staff-action";
import { restoreFromTrashAction } from "../articles/actions";

type Props = { searchParams: Promise<{ problem?: string }> };

export const metadata: Metadata = { title: "Trash", robots: { index: false } };

export default async function TrashPage({ searchParams }: Props) {
  const trashed = await refusedOr(listTrashedArticles);
  if ("refused" in trashed) return <p role="status">Only administrators can restore stories from the trash.</p>;
  const { problem } = await searchParams;
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Trash</h1>
      {problem === "not-found" ? (
        <p role="status" className="mb-4 rounded-sm bg-red-100 px-3 py-2 text-sm text-red-950">
          That story is no longer in the trash: someone may have restored it already.
        </p>
      ) : null}
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
