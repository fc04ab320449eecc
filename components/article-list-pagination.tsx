import Link from "next/link";
import { routes, type ListingKind } from "@/lib/routes";

const PAGINATION_CLASSES =
  "mt-10 flex items-center justify-between border-t border-stone-300 pt-4 font-sans text-sm dark:border-stone-700";

/** Older/newer links of a keyset-paginated reader list (`…/before/{story id}`). */
export function ArticleListPagination({
  listing,
  olderCursor,
  newerCursor,
}: {
  listing: { kind: ListingKind; slug: string };
  olderCursor: string | null;
  newerCursor: string | null | undefined;
}) {
  if (olderCursor === null && newerCursor === undefined) return null;
  const pageBefore = (cursor: string | null) => routes.listing(listing.kind, listing.slug, cursor ?? undefined);
  return (
    <nav aria-label="Pagination" className={PAGINATION_CLASSES}>
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
