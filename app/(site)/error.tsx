"use client";

import { useEffect } from "react";

export default function SiteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-4xl font-bold">Something went wrong</h1>
      <p className="mt-4 text-lg">We could not load this page. Please try again in a moment.</p>
      {error.digest ? <p className="mt-2 font-sans text-sm text-stone-500">Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="mt-6 rounded-sm bg-stone-900 px-4 py-2 font-sans font-semibold text-white dark:bg-stone-100 dark:text-stone-900">
        Try again
      </button>
    </div>
  );
}
