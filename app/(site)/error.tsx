"use client";

import Link from "next/link";
import { useEffect } from "react";
import { routes } from "@/lib/routes";

/**
 * A reader page that could not be rendered, almost always because the database is briefly out of
 * reach. Pages already in the cache keep being served meanwhile, so the front page is worth offering.
 */
export default function SiteError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-4xl font-bold">This page is temporarily unavailable</h1>
      <p className="mt-4 text-lg">
        We could not load it just now. The fault is at our end, not with your connection, and it is usually put right
        within a few minutes.
      </p>
      <p className="mt-2 text-lg">
        Please try again in a moment. Meanwhile the front page and stories you have read recently may still open.
      </p>
      {/* retry() fetches the page from the server again; reset() would only redraw the failed copy. */}
      <p className="mt-6 flex flex-wrap items-center justify-center gap-4 font-sans">
        <button
          type="button"
          onClick={retry}
          className="rounded-sm bg-stone-900 px-4 py-2 font-semibold text-white dark:bg-stone-100 dark:text-stone-900"
        >
          Try again
        </button>
        <Link href={routes.front} className="font-semibold underline">
          Go to the front page
        </Link>
      </p>
      {digest ? (
        <p className="mt-6 font-sans text-sm text-stone-500">
          If you write to us about this, quote reference {digest}.
        </p>
      ) : null}
    </div>
  );
}
