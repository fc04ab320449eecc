import Link from "next/link";
import type { ArticleSummary } from "@/db/queries/articles";
import { routes } from "@/lib/routes";
import { NewsroomDate } from "./newsroom-date";

export function ArticleByline({ article }: { article: ArticleSummary }) {
  return (
    <div className="font-sans text-sm text-stone-600 dark:text-stone-300">
      <p>
        By{" "}
        <Link
          href={routes.author(article.author.slug)}
          className="font-semibold text-stone-900 underline-offset-2 hover:underline dark:text-stone-100"
          rel="author"
        >
          {article.author.name}
        </Link>
      </p>
      <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
        <span>
          <span className="font-medium">Published</span> <NewsroomDate date={article.publishedAt} />
        </span>
        {article.revisedAt ? (
          <span data-testid="story-updated">
            <span className="font-medium">Updated</span> <NewsroomDate date={article.revisedAt} withTime />
          </span>
        ) : null}
        <span>{article.readingMinutes} min read</span>
      </p>
    </div>
  );
}
