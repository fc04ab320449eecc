import Link from "next/link";

const PAGINATION_CLASSES =
  "mt-10 flex items-center justify-between border-t border-stone-300 pt-4 font-sans text-sm dark:border-stone-700";

type PaginationProps = {
  basePath: string;
  page: number;
  totalPages: number;
  query?: Record<string, string>;
  items?: string;
};

/** `items` names what is listed, in the plural: "stories" unless the page lists something else. */
export function Pagination({ basePath, page, totalPages, query, items = "stories" }: PaginationProps) {
  if (totalPages <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(query);
    if (target > 1) params.set("page", String(target));
    const search = params.toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  return (
    <nav aria-label="Pagination" className={PAGINATION_CLASSES}>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className="font-semibold hover:underline">
          ← Newer {items}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <Link href={href(page + 1)} rel="next" className="font-semibold hover:underline">
          Older {items} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
