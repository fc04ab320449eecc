import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleCard } from "@/components/article-card";
import { ArticlePhoto } from "@/components/article-photo";
import { JsonLd } from "@/components/json-ld";
import { getFrontPage } from "@/db/queries/front-page";
import { readerTags } from "@/lib/cache-tags";
import { tagReaderPage } from "@/lib/reader-cache";
import { FRONT_PAGE_EDITION, routes } from "@/lib/routes";
import { feedAlternates, site } from "@/lib/site";
import { webSiteJsonLd } from "@/lib/structured-data";

type Props = { params: Promise<{ edition: string }> };

// The home page: next.config.ts rewrites `/` here (lib/routes.ts says why).
export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

export const metadata: Metadata = { alternates: { canonical: routes.front, types: feedAlternates() } };

export default async function HomePage({ params }: Props) {
  if ((await params).edition !== FRONT_PAGE_EDITION) notFound();
  await tagReaderPage([readerTags.front]);
  const front = await getFrontPage();
  const shown = [...front.top, ...front.sections.flatMap((block) => block.articles)];
  await tagReaderPage(shown.map((article) => readerTags.article(article.id)));
  const [lead, ...others] = front.top;

  if (!lead) {
    return <p className="font-sans">No stories have been published yet.</p>;
  }

  return (
    <>
      <JsonLd data={webSiteJsonLd(site)} />
      <h1 className="sr-only">Today&rsquo;s stories</h1>
      <div className="grid gap-10 lg:grid-cols-3">
        <section aria-labelledby="lead-story" className="lg:col-span-2" data-testid="lead-story">
          <h2 id="lead-story" className="sr-only">
            Lead story
          </h2>
          {lead.leadPhoto ? <ArticlePhoto {...lead.leadPhoto} variant="lead" /> : null}
          <ArticleCard article={lead} headingLevel="h3" size="lead" />
        </section>
        <section
          aria-labelledby="top-stories"
          className="lg:border-l lg:border-stone-300 lg:pl-8 dark:lg:border-stone-700"
        >
          <h2 id="top-stories" className="mb-4 font-sans text-sm font-bold tracking-wider uppercase">
            Top stories
          </h2>
          <ol className="space-y-5">
            {others.map((article) => (
              <li key={article.id}>
                <ArticleCard article={article} size="compact" />
              </li>
            ))}
          </ol>
        </section>
      </div>
      {front.sections.map(({ section, articles }) => (
        <section
          key={section.slug}
          aria-labelledby={`section-${section.slug}`}
          className="mt-12 border-t-2 border-stone-900 pt-4 dark:border-stone-100"
        >
          <h2 id={`section-${section.slug}`} className="mb-5 text-2xl font-bold">
            <Link href={routes.section(section.slug)} className="hover:underline">
              {section.name}
            </Link>
          </h2>
          <ul className="grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
            {articles.map((article) => (
              <li key={article.id}>
                <ArticleCard article={article} showSection={false} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
