import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FeedLink } from "@/components/feed-link";
import { NewsroomDate } from "@/components/newsroom-date";
import { PageHeading } from "@/components/page-heading";
import { listCorrections } from "@/db/queries/published-notes";
import { NOTE_LABELS, noteAnchor } from "@/lib/article-notes";
import { readerTags } from "@/lib/cache-tags";
import { tagReaderPage } from "@/lib/reader-cache";
import { routes } from "@/lib/routes";
import { feedAlternates, site } from "@/lib/site";
import { z } from "zod";

type Props = { params: Promise<{ page?: string[] }> };

// Cached after the first request, and expired by every note added, changed or deleted.
export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

const KICKER = "font-sans text-xs font-semibold tracking-wider text-stone-600 uppercase dark:text-stone-400";
const FEED = { title: `Corrections — ${site.name}`, path: routes.correctionsFeed };

/** `/corrections`, or `/corrections/before/{note}` for the older ones; any other address is not a page. */
function cursorOf(page: string[] | undefined): { before?: string } | null {
  if (!page || page.length === 0) return {};
  const [word, before] = page;
  return page.length === 2 && word === "before" && z.uuid().safeParse(before).success ? { before } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const cursor = cursorOf((await params).page);
  return {
    title: "Corrections and clarifications",
    description: `Every correction and clarification ${site.name} has made to its published stories, newest first.`,
    alternates: { canonical: routes.corrections(cursor?.before), types: feedAlternates(FEED) },
    robots: cursor?.before ? { index: false } : undefined,
  };
}

export default async function CorrectionsPage({ params }: Props) {
  const cursor = cursorOf((await params).page);
  if (!cursor) notFound();
  await tagReaderPage([readerTags.corrections]);
  const { corrections, olderCursor } = await listCorrections(cursor);
  if (cursor.before && corrections.length === 0) notFound();
  await tagReaderPage([...new Set(corrections.map((note) => readerTags.article(note.story.id)))]);

  return (
    <>
      <PageHeading kicker="Standards" title="Corrections and clarifications">
        <p>
          When we get something wrong we say so on the story, and list it here, newest first. Each links to the story as
          it now reads.
        </p>
        <p className="mt-2">
          <FeedLink href={routes.correctionsFeed} label="Corrections feed" />
        </p>
      </PageHeading>
      {corrections.length === 0 ? (
        <p className="font-sans">No corrections or clarifications yet.</p>
      ) : (
        <ol className="divide-y divide-stone-200 dark:divide-stone-800" aria-label="Corrections, newest first">
          {corrections.map((note) => (
            <li key={note.id} className="py-4">
              <p className={KICKER}>
                {NOTE_LABELS[note.kind]} · <NewsroomDate date={note.notedAt} withTime />
              </p>
              <h2 className="mt-1 text-xl font-bold">
                <Link href={`${routes.article(note.story.slug)}#${noteAnchor(note.id)}`} className="hover:underline">
                  {note.story.headline}
                </Link>
              </h2>
              <p className="mt-1 whitespace-pre-line">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      {olderCursor ? (
        <nav aria-label="Older corrections" className="mt-8 font-sans">
          <Link href={routes.corrections(olderCursor)} className="font-semibold underline">
            Older corrections
          </Link>
        </nav>
      ) : null}
    </>
  );
}
