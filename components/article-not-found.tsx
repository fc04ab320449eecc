import Link from "next/link";
import { routes } from "@/lib/routes";

export function ArticleNotFound() {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-4xl font-bold">Page not found</h1>
      <p className="mt-4 text-lg text-stone-700 dark:text-stone-300">
        The page you asked for does not exist, or the story is no longer published.
      </p>
      <p className="mt-6 font-sans">
        <Link href={routes.front} className="font-semibold underline">
          Go to the front page
        </Link>{" "}
        or{" "}
        <Link href={routes.search()} className="font-semibold underline">
          search the stories
        </Link>
        .
      </p>
    </div>
  );
}
