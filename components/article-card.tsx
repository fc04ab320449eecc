import Link from "next/link";
import type { ArticleSummary } from "@/db/queries/articles";
import { bylineText } from "@/lib/bylines";
import { routes } from "@/lib/routes";
import { NewsroomDate } from "./newsroom-date";

type ArticleCardProps = {
  article: ArticleSummary;
  headingLevel?: "h2" | "h3";
  size?: "lead" | "standard" | "compact";
  showSection?: boolean;
  children?: React.ReactNode;
};

const headlineSize = {
  lead: "text-3xl sm:text-4xl font-bold",
  standard: "text-xl font-semibold",
  compact: "text-base font-semibold",
};

export function ArticleCard({
  article,
  headingLevel: Heading = "h3",
  size = "standard",
  showSection = true,
  children,
}: ArticleCardProps) {
  return (
    <article className="group">
      {showSection ? (
        <p className="font-sans text-xs font-semibold tracking-wider text-red-800 uppercase dark:text-red-400">
          {/* Padded to a 24 px touch target (WCAG 2.2), the headline link sits right below it. */}
          <Link href={routes.section(article.section.slug)} className="inline-block py-1.5 hover:underline">
            {article.section.name}
          </Link>
        </p>
      ) : null}
      <Heading className={`leading-tight text-balance ${headlineSize[size]}`}>
        <Link href={routes.article(article.slug)} className="underline-offset-4 hover:underline">
          {article.headline}
        </Link>
      </Heading>
      {size !== "compact" && article.dek ? (
        <p className="mt-2 text-stone-700 dark:text-stone-300">{article.dek}</p>
      ) : null}
      {children}
      <p className="mt-2 font-sans text-xs text-stone-500 dark:text-stone-400">
        {bylineText(article.authors.map((author) => author.name))} · <NewsroomDate date={article.publishedAt} />
      </p>
    </article>
  );
}
