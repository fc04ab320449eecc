import Link from "next/link";
import { listSections } from "@/db/queries/sections";
import { readerTags } from "@/lib/cache-tags";
import { tagReaderPage } from "@/lib/reader-cache";
import { routes } from "@/lib/routes";
import { site } from "@/lib/site";

const SEARCH_FIELD_CLASSES =
  "w-44 rounded-sm border border-stone-400 bg-white px-2 py-1 dark:border-stone-600 dark:bg-stone-900";
const SEARCH_BUTTON_CLASSES =
  "rounded-sm bg-stone-900 px-3 py-1 font-semibold text-white dark:bg-stone-100 dark:text-stone-900";

/** The sections, in the navigation on every reader page: each page is tagged as showing them. */
async function listNavigation() {
  await tagReaderPage([readerTags.navigation]);
  return listSections();
}

/** `withSections` is off only for the site-wide 404, which `next build` renders without a database. */
export async function SiteHeader({ withSections = true }: { withSections?: boolean }) {
  const sections = withSections ? await listNavigation() : [];
  return (
    <header className="border-b-4 border-double border-stone-900 dark:border-stone-100">
      <div className="mx-auto flex max-w-6xl flex-wrap items-end justify-between gap-4 px-4 pt-6 pb-3">
        <p>
          <Link href={routes.front} className="font-serif text-4xl font-black tracking-tight sm:text-5xl">
            {site.name}
          </Link>
          <span className="mt-1 block font-sans text-sm text-stone-600 dark:text-stone-400">{site.tagline}</span>
        </p>
        <search aria-label="Site">
          <form action={routes.search()} method="get" className="flex gap-2 font-sans text-sm">
            <label htmlFor="site-search" className="sr-only">
              Search stories
            </label>
            <input
              id="site-search"
              name="q"
              type="search"
              placeholder="Search stories"
              maxLength={200}
              className={SEARCH_FIELD_CLASSES}
            />
            <button type="submit" className={SEARCH_BUTTON_CLASSES}>
              Search
            </button>
          </form>
        </search>
      </div>
      {sections.length > 0 ? (
        <nav aria-label="Sections" className="border-t border-stone-300 dark:border-stone-700">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-5 gap-y-1 px-4 py-2 font-sans text-sm font-semibold">
            {sections.map((section) => (
              <li key={section.slug}>
                <Link href={routes.section(section.slug)} className="hover:underline">
                  {section.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
