import Link from "next/link";
import { z } from "zod";
import { Pagination } from "@/components/pagination";
import { NewsroomDate } from "@/components/newsroom-date";
import { listEditorChoices, listNewsroomArticles, type ReviewState } from "@/db/queries/newsroom-articles";
import { bylineText } from "@/lib/bylines";
import { staffLine } from "@/lib/editor/staff-text";
import { isSlug } from "@/lib/slugs";

const PRIMARY_BUTTON =
  "rounded-sm bg-stone-900 px-4 py-2 text-sm font-semibold text-white dark:bg-stone-100 dark:text-stone-900";

const filterSchema = z.object({
  // "review" is the editors' queue of drafts sent to them; "returned", drafts sent back with a note.
  status: z.enum(["draft", "review", "returned", "scheduled", "published"]).optional().catch(undefined),
  // From the address bar, so anything at all: what could not be a slug or a search is dropped,
  // never sent to the database.
  section: z.string().max(100).refine(isSlug).optional().catch(undefined),
  tag: z.string().max(100).refine(isSlug).optional().catch(undefined),
  author: z.string().max(100).refine(isSlug).optional().catch(undefined),
  q: staffLine().trim().max(200).optional().catch(undefined),
  sort: z.enum(["updated", "published", "headline", "requested"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const statusBadge = {
  draft: "bg-stone-200 text-stone-800 dark:bg-stone-700 dark:text-stone-100",
  scheduled: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  published: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
};

const BADGE = "rounded-full px-2 py-0.5 text-xs font-semibold";

/** A draft's review, shown beside its status; a story nobody sent for review shows none. */
const reviewBadge: Record<Exclude<ReviewState, "none">, { text: string; colours: string }> = {
  ready: { text: "ready for review", colours: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100" },
  returned: { text: "returned", colours: "bg-orange-100 text-orange-900 dark:bg-orange-900 dark:text-orange-100" },
};

export default async function NewsroomArticlesPage({ searchParams }: Props) {
  const raw = await searchParams;
  const filter = filterSchema.parse(
    Object.fromEntries(
      Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]),
    ),
  );
  const [{ articles, total, totalPages }, choices] = await Promise.all([
    listNewsroomArticles({
      status: filter.status,
      sectionSlug: filter.section,
      tagSlug: filter.tag,
      authorSlug: filter.author,
      text: filter.q,
      sort: filter.sort,
      page: filter.page,
    }),
    listEditorChoices(),
  ]);
  const query = Object.fromEntries(
    Object.entries({
      status: filter.status,
      section: filter.section,
      tag: filter.tag,
      author: filter.author,
      q: filter.q,
      sort: filter.sort,
    }).filter(([, v]) => v),
  ) as Record<string, string>;

  return (
    <>
      <div className="mb-6 flex items-center justify-between">
        <h1 className="text-2xl font-bold">{filter.status === "review" ? "Ready for review" : "Stories"}</h1>
        <div className="flex items-center gap-4 text-sm">
          {filter.status === "review" ? null : (
            <Link href="/admin?status=review" className="font-semibold underline">
              Ready for review
            </Link>
          )}
          <Link href="/admin/articles/new" className={PRIMARY_BUTTON}>
            New story
          </Link>
        </div>
      </div>
      {raw.notice === "trashed" ? (
        <p role="status" className="mb-4 rounded-sm bg-emerald-100 px-3 py-2 text-sm text-emerald-950">
          Moved to the trash.
        </p>
      ) : null}
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3 text-sm" aria-label="Filter stories">
        <label className="flex flex-col">
          Status
          <select
            name="status"
            defaultValue={filter.status ?? ""}
            className="rounded-sm border border-stone-400 px-2 py-1 dark:bg-stone-900"
          >
            <option value="">Any</option>
            <option value="draft">Draft</option>
            <option value="review">Ready for review</option>
            <option value="returned">Returned to writer</option>
            <option value="scheduled">Scheduled</option>
            <option value="published">Published</option>
          </select>
        </label>
        <label className="flex flex-col">
          Section
          <select
            name="section"
            defaultValue={filter.section ?? ""}
            className="rounded-sm border border-stone-400 px-2 py-1 dark:bg-stone-900"
          >
            <option value="">Any</option>
            {choices.sections.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Tag
          <select
            name="tag"
            defaultValue={filter.tag ?? ""}
            className="rounded-sm border border-stone-400 px-2 py-1 dark:bg-stone-900"
          >
            <option value="">Any</option>
            {choices.tags.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Author
          <select
            name="author"
            defaultValue={filter.author ?? ""}
            className="rounded-sm border border-stone-400 px-2 py-1 dark:bg-stone-900"
          >
            <option value="">Anyone</option>
            {choices.authors.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Headline contains
          <input
            name="q"
            defaultValue={filter.q ?? ""}
            maxLength={200}
            className="rounded-sm border border-stone-400 px-2 py-1 dark:bg-stone-900"
          />
        </label>
        <label className="flex flex-col">
          Sort by
          <select
            name="sort"
            defaultValue={filter.sort ?? (filter.status === "review" ? "requested" : "updated")}
            className="rounded-sm border border-stone-400 px-2 py-1 dark:bg-stone-900"
          >
            <option value="updated">Last edited</option>
            <option value="published">Publication date</option>
            <option value="headline">Headline</option>
            <option value="requested">Oldest review request</option>
          </select>
        </label>
        <button type="submit" className="rounded-sm border border-stone-500 px-3 py-1 font-semibold">
          Filter
        </button>
      </form>
      <p className="mb-2 text-sm text-stone-600 dark:text-stone-400">
        {total} {total === 1 ? "story" : "stories"}
      </p>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-stone-400">
          <tr>
            <th className="py-2">Headline</th>
            <th>Status</th>
            <th>Section</th>
            <th>Author</th>
            <th>Last edited</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((article) => (
            <tr key={article.id} className="border-b border-stone-200 dark:border-stone-800">
              <td className="py-2 pr-3">
                <Link href={`/admin/articles/${article.id}`} className="font-semibold hover:underline">
                  {article.headline}
                </Link>
              </td>
              <td>
                <span className={`${BADGE} ${statusBadge[article.status]}`}>{article.status}</span>
                {article.reviewState !== "none" ? (
                  <span className={`ml-1 ${BADGE} ${reviewBadge[article.reviewState].colours}`}>
                    {reviewBadge[article.reviewState].text}
                  </span>
                ) : null}
                {article.isLive ? (
                  <Link
                    href={`/admin/articles/${article.id}/live`}
                    className={`ml-1 ${BADGE} bg-red-700 text-white hover:underline`}
                  >
                    live<span className="sr-only">: post an update to this story</span>
                  </Link>
                ) : null}
              </td>
              <td>{article.sectionName}</td>
              <td>{bylineText(article.bylineNames)}</td>
              <td>
                <NewsroomDate date={article.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination basePath="/admin" page={filter.page} totalPages={totalPages} query={query} />
    </>
  );
}
