import type { Metadata } from "next";
import Link from "next/link";
import { PickButtons, PinStoryForm } from "@/components/admin/front-page-forms";
import { FRONT_PAGE_TOP_STORIES } from "@/db/queries/front-page";
import { listFrontPageChoices } from "@/db/queries/front-page-picks";
import { refusedOr } from "@/lib/actions/staff-action";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Front page", robots: { index: false } };

const PICK_LIST =
  "mb-10 divide-y divide-stone-200 border-y border-stone-300 dark:divide-stone-800 dark:border-stone-700";

export default async function FrontPageAdminPage() {
  const choices = await refusedOr(listFrontPageChoices);
  const heading = <h1 className="mb-6 text-2xl font-bold">Front page</h1>;
  if ("refused" in choices) {
    return (
      <>
        {heading}
        <p role="status" className="rounded-sm bg-red-100 p-4 text-red-950">
          {choices.refused}
        </p>
      </>
    );
  }
  const { picks, candidates } = choices;

  return (
    <>
      {heading}
      <p className="mb-4 max-w-3xl text-sm text-stone-600 dark:text-stone-400">
        The stories pinned here lead the{" "}
        <Link href={routes.front} className="underline">
          front page
        </Link>
        , in this order: the first is the lead. The newest stories fill the rest of the top {FRONT_PAGE_TOP_STORIES},
        and each section’s block below leaves out what is already above. Unpublishing a pinned story takes it off at
        once.
      </p>
      {picks.length === 0 ? (
        <p className="mb-8">Nothing is pinned: the newest story leads.</p>
      ) : (
        <ol aria-label="Pinned stories, lead first" className={PICK_LIST}>
          {picks.map((pick, index) => (
            <li key={pick.articleId} className="flex flex-wrap items-start justify-between gap-4 py-3">
              <div className="min-w-64 flex-1">
                <p className="text-xs font-semibold tracking-wider text-stone-500 uppercase">
                  {index === 0 ? "Lead" : `Place ${index + 1}`} · {pick.sectionName}
                </p>
                <h2 className="font-semibold">
                  <Link href={routes.article(pick.slug)} className="hover:underline">
                    {pick.headline}
                  </Link>
                </h2>
              </div>
              <PickButtons pick={pick} isLead={index === 0} isLast={index === picks.length - 1} />
            </li>
          ))}
        </ol>
      )}
      <section aria-labelledby="pin-a-story" className="rounded-sm border border-stone-300 p-4 dark:border-stone-700">
        <h2 id="pin-a-story" className="mb-3 font-bold">
          Pin a story
        </h2>
        <PinStoryForm candidates={candidates} />
      </section>
    </>
  );
}
