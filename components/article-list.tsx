import type { ArticleSummary } from "@/db/queries/articles";
import { ArticleCard } from "./article-card";

export function ArticleList({
  articles,
  showSection = true,
  empty,
}: {
  articles: ArticleSummary[];
  showSection?: boolean;
  empty: string;
}) {
  if (articles.length === 0) {
    return <p className="font-sans text-stone-600 dark:text-stone-400">{empty}</p>;
  }
  return (
    <ol className="divide-y divide-stone-300 dark:divide-stone-700">
      {articles.map((article) => (
        <li key={article.id} className="py-5 first:pt-0">
          <ArticleCard article={article} headingLevel="h2" showSection={showSection} />
        </li>
      ))}
    </ol>
  );
}
