import Link from "next/link";
import type { LiveEntryForReaders } from "@/db/queries/live-entries";
import type { GraphicPhotos } from "@/lib/mdx/components";
import { ArticleBody } from "@/lib/mdx/render";
import { entryAnchor } from "@/lib/live-coverage";
import { formatNewsroomDateTime } from "@/lib/newsroom-time";
import { routes } from "@/lib/routes";
import { site } from "@/lib/site";
import { LiveEntryNotes } from "./article-notes";
import { LiveUpdates } from "./live-updates";
import { NewsroomDate } from "./newsroom-date";

const ENTRY_BODY = "prose prose-stone dark:prose-invert prose-a:text-sky-800 dark:prose-a:text-sky-300 mt-2 max-w-none";
const ENDED_NOTICE =
  "mt-8 rounded-sm border-l-4 border-stone-500 bg-stone-100 px-4 py-3 font-sans text-sm font-semibold " +
  "dark:bg-stone-800";

function EntryHeading({ entry }: { entry: LiveEntryForReaders }) {
  return (
    <p className="font-sans text-sm text-stone-600 dark:text-stone-300">
      <a href={`#${entryAnchor(entry.id)}`} className="font-semibold text-red-800 hover:underline dark:text-red-400">
        <NewsroomDate date={entry.postedAt} withTime />
        <span className="sr-only"> (link to this update)</span>
      </a>
      {entry.pinned ? <span className="ml-2 font-semibold uppercase">Key event</span> : null}
    </p>
  );
}

function LiveEntry({ entry, graphicPhotos }: { entry: LiveEntryForReaders; graphicPhotos: GraphicPhotos }) {
  return (
    <article
      id={entryAnchor(entry.id)}
      aria-labelledby={`${entryAnchor(entry.id)}-title`}
      className="scroll-mt-16 border-t border-stone-300 py-5 dark:border-stone-700"
    >
      <EntryHeading entry={entry} />
      <h3 id={`${entryAnchor(entry.id)}-title`} className={entry.title ? "mt-1 text-xl font-bold" : "sr-only"}>
        {entry.title ?? `Update, ${formatNewsroomDateTime(entry.postedAt, site.timeZone, site.locale)}`}
      </h3>
      <div className={ENTRY_BODY}>
        <ArticleBody code={entry.code} sourceHash={entry.sourceHash} graphicPhotos={graphicPhotos} />
      </div>
      <LiveEntryNotes notes={entry.notes} />
      <p className="mt-2 font-sans text-xs text-stone-600 dark:text-stone-400">
        By{" "}
        <Link href={routes.author(entry.author.slug)} className="underline">
          {entry.author.name}
        </Link>
      </p>
    </article>
  );
}

/**
 * A live story's entries under its body. While live: the key events, the pinned entries, then the
 * rest newest first, with the island that offers new ones. Ended: the notice, then every entry
 * oldest first, to read top to bottom like any story.
 */
export function LiveCoverage({
  slug,
  live,
  entries,
  graphicPhotos,
}: {
  slug: string;
  live: { startedAt: Date; endedAt: Date | null };
  entries: LiveEntryForReaders[];
  graphicPhotos: GraphicPhotos;
}) {
  const pinned = entries.filter((entry) => entry.pinned);
  const ended = live.endedAt !== null;
  const stream = ended ? [...entries].reverse() : [...pinned, ...entries.filter((entry) => !entry.pinned)];
  return (
    <section aria-labelledby="live-updates" className="mt-10">
      <h2 id="live-updates" className="flex items-center gap-2 text-2xl font-bold">
        {ended ? null : (
          <span className="rounded-sm bg-red-700 px-2 py-0.5 font-sans text-sm tracking-wider text-white uppercase">
            Live
          </span>
        )}
        Updates
      </h2>
      {ended ? (
        <p className={ENDED_NOTICE} data-testid="live-ended">
          This live coverage has ended.
        </p>
      ) : (
        <LiveUpdates
          key={entries[0]?.id ?? "none"}
          pollPath={routes.articleLivePoll(slug)}
          newestId={entries[0]?.id ?? null}
        />
      )}
      {pinned.length > 0 ? (
        <nav
          aria-labelledby="key-events"
          className="mt-6 rounded-sm bg-stone-100 p-4 font-sans text-sm dark:bg-stone-800"
        >
          <h3 id="key-events" className="mb-2 font-bold">
            Key events
          </h3>
          <ul className="space-y-1">
            {pinned.map((entry) => (
              <li key={entry.id}>
                <a href={`#${entryAnchor(entry.id)}`} className="underline">
                  <NewsroomDate date={entry.postedAt} withTime />: {entry.title ?? entry.plainText.slice(0, 80)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="mt-6">
        {stream.length === 0 ? <p className="font-sans">No updates yet.</p> : null}
        {stream.map((entry) => (
          <LiveEntry key={entry.id} entry={entry} graphicPhotos={graphicPhotos} />
        ))}
      </div>
      <p className="mt-4 font-sans text-sm">
        <a href={routes.articleLiveFeed(slug)} className="underline" type="application/rss+xml">
          Follow these updates by RSS
        </a>
      </p>
    </section>
  );
}
