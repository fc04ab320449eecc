import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { TagCreateForm, TagDeleteForm, TagMergeForm, TagRenameForm } from "@/components/admin/tag-forms";
import { listTagsWithCounts } from "@/db/queries/taxonomy";
import { refusedOr } from "@/lib/actions/staff-action";
import type { TagNotice } from "@/lib/editor/tag-form";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Tags", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const tagName = z.string().max(100);
const noticeSchema: z.ZodType<TagNotice> = z.discriminatedUnion("notice", [
  z.object({ notice: z.literal("merged"), tag: tagName, into: tagName }),
  z.object({ notice: z.literal("deleted"), tag: tagName }),
]);
const mergeSourceSchema = z.uuid().optional().catch(undefined);

function noticeText(notice: TagNotice): string {
  if (notice.notice === "deleted") return `Deleted the tag “${notice.tag}”.`;
  return (
    `Merged “${notice.tag}” into “${notice.into}”: ` +
    `its stories now carry “${notice.into}”, and its old addresses lead there.`
  );
}

export default async function TagsPage({ searchParams }: Props) {
  const [tags, raw] = await Promise.all([refusedOr(listTagsWithCounts), searchParams]);
  const query = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const heading = <h1 className="mb-6 text-2xl font-bold">Tags</h1>;
  if ("refused" in tags) {
    return (
      <>
        {heading}
        <p role="status" className="rounded-sm bg-red-100 p-4 text-red-950">
          Only editors and administrators manage tags.
        </p>
      </>
    );
  }
  const notice = noticeSchema.safeParse(query);
  const mergeSource = mergeSourceSchema.parse(query.merge);

  return (
    <>
      {heading}
      {notice.success ? (
        <p
          role="status"
          data-testid="tags-notice"
          className="mb-6 rounded-sm bg-emerald-100 px-3 py-2 text-sm text-emerald-950"
        >
          {noticeText(notice.data)}
        </p>
      ) : null}
      <section aria-labelledby="new-tag" className="mb-8 rounded-sm border border-stone-300 p-4 dark:border-stone-700">
        <h2 id="new-tag" className="mb-3 font-bold">
          New tag
        </h2>
        <TagCreateForm />
      </section>
      {tags.length > 1 ? (
        <section
          id="merge-tags"
          aria-labelledby="merge-tags-heading"
          className="mb-8 rounded-sm border border-stone-300 p-4 dark:border-stone-700"
        >
          <h2 id="merge-tags-heading" className="mb-1 font-bold">
            Merge two tags
          </h2>
          <TagMergeForm key={mergeSource} tags={tags} sourceId={mergeSource} />
        </section>
      ) : null}
      {tags.length === 0 ? (
        <p>No tags yet. Create one above, or tag a story in the editor.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Every tag, with how many stories carry it</caption>
          <thead className="border-b border-stone-400">
            <tr>
              <th scope="col" className="py-2">
                Tag
              </th>
              <th scope="col">Stories</th>
              <th scope="col">Published</th>
              <th scope="col">Rename</th>
              <th scope="col">Merge or delete</th>
            </tr>
          </thead>
          <tbody>
            {tags.map((tag) => (
              <tr key={tag.id} className="border-b border-stone-200 align-top dark:border-stone-800">
                <th scope="row" className="py-2 pr-3 font-normal">
                  <span className="block font-semibold">{tag.name}</span>
                  <Link href={routes.tag(tag.slug)} className="text-xs text-stone-600 underline dark:text-stone-400">
                    {routes.tag(tag.slug)}
                  </Link>
                </th>
                <td className="py-2 pr-3">{tag.articleCount}</td>
                <td className="py-2 pr-3">{tag.publishedCount}</td>
                <td className="py-2 pr-3">
                  <TagRenameForm tag={tag} />
                </td>
                <td className="space-y-1 py-2">
                  {tags.length > 1 ? (
                    <Link
                      href={`/admin/tags?${new URLSearchParams({ merge: tag.id })}#merge-tags`}
                      className="block underline"
                    >
                      Merge into…<span className="sr-only"> (merge {tag.name} into another tag)</span>
                    </Link>
                  ) : null}
                  <TagDeleteForm tag={tag} articleCount={tag.articleCount} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
