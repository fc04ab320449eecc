import type { Metadata } from "next";
import Link from "next/link";
import { SectionCreateForm, SectionEditForm, SectionMoveButtons } from "@/components/admin/section-forms";
import { listSectionsForManagement } from "@/db/queries/taxonomy";
import { refusedOr } from "@/lib/actions/staff-action";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Sections", robots: { index: false } };

const SECTION_LIST =
  "mb-10 divide-y divide-stone-200 border-y border-stone-300 dark:divide-stone-800 dark:border-stone-700";

export default async function SectionsPage() {
  const sections = await refusedOr(listSectionsForManagement);
  const heading = <h1 className="mb-6 text-2xl font-bold">Sections</h1>;
  if ("refused" in sections) {
    return (
      <>
        {heading}
        <p role="status" className="rounded-sm bg-red-100 p-4 text-red-950">
          Only editors and administrators manage sections.
        </p>
      </>
    );
  }

  return (
    <>
      {heading}
      <p className="mb-4 text-sm text-stone-600 dark:text-stone-400">
        Readers see the sections in this order in the site’s navigation. A renamed section keeps its address, so links
        and feeds keep working.
      </p>
      {sections.length === 0 ? (
        <p className="mb-8">No sections yet. Add the first one below.</p>
      ) : (
        <ol aria-label="Sections in navigation order" className={SECTION_LIST}>
          {sections.map((section, index) => (
            <li key={section.id} className="flex flex-wrap items-start justify-between gap-4 py-3">
              <div className="min-w-64 flex-1">
                <h2 className="font-semibold">{section.name}</h2>
                <Link
                  href={routes.section(section.slug)}
                  className="text-xs text-stone-600 underline dark:text-stone-400"
                >
                  {routes.section(section.slug)}
                </Link>
                {section.description ? <p className="mt-1 text-sm">{section.description}</p> : null}
                <SectionEditForm section={section} />
              </div>
              <SectionMoveButtons section={section} isFirst={index === 0} isLast={index === sections.length - 1} />
            </li>
          ))}
        </ol>
      )}
      <section aria-labelledby="new-section" className="rounded-sm border border-stone-300 p-4 dark:border-stone-700">
        <h2 id="new-section" className="mb-3 font-bold">
          New section
        </h2>
        <SectionCreateForm />
      </section>
    </>
  );
}
