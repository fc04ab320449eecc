import Link from "next/link";

/** Older/newer links of a keyset-paginated reader list (`{basePath}/before/{story id}`). */
export function StoryListPagination({
  basePath,
  olderCursor,
  newerCursor,
}: {
  basePath: string;
  olderCursor: string | null;
  newerCursor: string | null | undefined;
}) {
  if (olderCursor === null && newerCursor === undefined) return null;
  const pageBefore = (cursor: string | null) => (cursor === null ? basePath : `${basePath}/before/${cursor}`);
  return (
    <nav
      aria-label="Pagination"
      className="mt-10 flex items-center justify-between border-t border-stone-300 pt-4 font-sans text-sm dark:border-stone-700"
    >
      {newerCursor === undefined ? (
        <span />
      ) : (
        <Link href={pageBefore(newerCursor)} rel="prev" className="font-semibold hover:underline">
          ← Newer stories
        </Link>
      )}
      {olderCursor === null ? (
        <span />
      ) : (
        <Link href={pageBefore(olderCursor)} rel="next" className="font-semibold hover:underline">
          Older stories →
        </Link>
      )}
    </nav>
  );
}
