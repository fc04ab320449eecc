"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";

const BUTTON_CLASSES =
  "rounded-sm bg-stone-900 px-4 py-2 font-semibold text-white dark:bg-stone-100 dark:text-stone-900";

/**
 * A staff page or action that failed for a reason no form can show: the database out of reach, or
 * a fault. What was typed into a form on another tab is untouched; this page offers to try again.
 */
export default function NewsroomError({ error, reset }: { error: unknown; reset: () => void }) {
  const router = useRouter();
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  // reset() alone redraws the failed copy: the page is fetched from the server again first.
  const tryAgain = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });

  return (
    <div role="alert" className="mx-auto max-w-xl px-4 py-12 font-sans">
      <h1 className="text-2xl font-bold">Something went wrong in the newsroom</h1>
      <p className="mt-4">
        That could not be done just now. Nothing half-done was saved: every change is written whole or not at all. If
        you were signed out meanwhile, sign in again and repeat it.
      </p>
      <p className="mt-6 flex flex-wrap items-center gap-4">
        <button type="button" onClick={tryAgain} className={BUTTON_CLASSES}>
          Try again
        </button>
        <Link href="/admin" className="font-semibold underline">
          Back to the stories
        </Link>
      </p>
      {digest ? <p className="mt-6 text-sm text-stone-500">Reference for the technical team: {digest}.</p> : null}
    </div>
  );
}
