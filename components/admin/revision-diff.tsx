import { NewsroomDate } from "@/components/newsroom-date";
import type { ArticleRevisionText } from "@/db/queries/newsroom-articles";
import { diffStoryWords } from "@/lib/editor/story-diff";
import { ADDED_TEXT, REMOVED_TEXT, WordDiff } from "@/components/admin/word-diff";

const DIFF_TEXT = "rounded-sm border border-stone-300 p-3 font-mono text-sm whitespace-pre-wrap dark:border-stone-700";

function FieldDiff({ title, before, after }: { title: string; before: string; after: string }) {
  const parts = diffStoryWords(before, after);
  const unchanged = parts.every((part) => part.kind === "same");
  return (
    <section className="mt-6">
      <h2 className="mb-2 text-lg font-bold">
        {title}
        {unchanged ? (
          <span className="text-sm font-normal text-stone-600 dark:text-stone-400"> (unchanged)</span>
        ) : null}
      </h2>
      {before || after ? (
        <div className={DIFF_TEXT}>
          <WordDiff parts={parts} removed="removed:" added="added:" />
        </div>
      ) : (
        <p className="text-sm text-stone-600 dark:text-stone-400">Empty in both versions.</p>
      )}
    </section>
  );
}

function Saved({ revision }: { revision: ArticleRevisionText }) {
  return (
    <>
      version {revision.version} ({revision.savedByName ?? "unknown"},{" "}
      <NewsroomDate date={revision.createdAt} withTime />)
    </>
  );
}

/** What changed from one saved version of a story to another, headline, standfirst and story, word by word. */
export function RevisionDiff({ from, to }: { from: ArticleRevisionText; to: ArticleRevisionText }) {
  return (
    <div className="font-sans">
      <p className="text-sm">
        From <Saved revision={from} /> to <Saved revision={to} />.
      </p>
      <p className="mt-2 text-sm" data-testid="diff-legend">
        <del className={REMOVED_TEXT}>Removed</del>: only in version {from.version}.{" "}
        <ins className={ADDED_TEXT}>Added</ins>: only in version {to.version}.
      </p>
      <FieldDiff title="Headline" before={from.headline} after={to.headline} />
      <FieldDiff title="Standfirst" before={from.dek} after={to.dek} />
      <FieldDiff title="Story" before={from.bodyMdx} after={to.bodyMdx} />
    </div>
  );
}
