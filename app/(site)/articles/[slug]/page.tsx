import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleByline } from "@/components/article-byline";
import { ArticleCard } from "@/components/article-card";
import { ArticleCorrections, ArticleUpdateNotes } from "@/components/article-notes";
import { ArticlePhoto } from "@/components/article-photo";
import { JsonLd } from "@/components/json-ld";
import { LiveCoverage } from "@/components/live-coverage";
import { StoryAgeNotice } from "@/components/story-age-notice";
import { getPublishedArticle, listRelatedArticles, type PublishedArticle } from "@/db/queries/articles";
import { findEntryGraphicPhotos, listLiveEntries } from "@/db/queries/live-entries";
import { readerTags } from "@/lib/cache-tags";
import { SAMPLE_CONTENT_TAG } from "@/lib/content/sample";
import { ArticleBody } from "@/lib/mdx/render";
import { tagReaderPage } from "@/lib/reader-cache";
import { routes } from "@/lib/routes";
import { feedAlternates, site } from "@/lib/site";
import { isSlug } from "@/lib/slugs";
import { breadcrumbJsonLd, liveBlogPostingJsonLd, newsArticleJsonLd } from "@/lib/structured-data";

type Props = { params: Promise<{ slug: string }> };

// Rendered on first request and cached until the story changes (lib/reader-cache). Five minutes
// bounds how stale its "related stories" get, and how long a 404 asked for before a scheduled
// story's time outlives that time.
export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

const SAMPLE_NOTE_CLASSES =
  "mt-4 rounded-sm bg-amber-100 px-3 py-2 font-sans text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100";
const BODY_CLASSES =
  "prose prose-lg prose-stone dark:prose-invert prose-headings:font-bold prose-a:text-sky-800 " +
  "dark:prose-a:text-sky-300 mt-8 max-w-none";
const TOPIC_LINK_CLASSES =
  "inline-block rounded-full border border-stone-400 px-3 py-1 hover:bg-stone-200 " +
  "dark:border-stone-600 dark:hover:bg-stone-800";

// generateMetadata and the page ask for the same article; fetch it once per request. The page is
// tagged with its address before the lookup, so a cached 404 (a scheduled story asked for early)
// expires when the story is published, and with the story once found.
const findArticle = cache(async (slug: string) => {
  if (!isSlug(slug)) return null;
  await tagReaderPage([readerTags.articleAddress(slug)]);
  const article = await getPublishedArticle({ slug });
  if (article) await tagReaderPage([readerTags.article(article.id)]);
  return article;
});

/** The lead photo when its file exists and it is not graphic; otherwise a card generated from the headline. */
function socialImage(article: PublishedArticle) {
  const photo = article.leadPhoto;
  if (photo?.photoId && photo.width && photo.height && !photo.graphicWarning) {
    const width = Math.min(photo.width, 1280);
    return {
      url: routes.photo(photo.photoId, 1280),
      width,
      height: Math.round((photo.height * width) / photo.width),
      alt: photo.alt,
    };
  }
  return { url: routes.articleSocialCard(article.slug), width: 1200, height: 630, alt: article.headline };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await findArticle((await params).slug);
  if (!article) return {};
  const image = socialImage(article);
  return {
    title: article.seoTitle ?? article.headline,
    description: article.seoDescription ?? article.dek,
    alternates: { canonical: routes.article(article.slug), types: feedAlternates() },
    authors: article.authors.map((author) => ({ name: author.name, url: routes.author(author.slug) })),
    openGraph: {
      type: "article",
      title: article.headline,
      description: article.dek,
      url: routes.article(article.slug),
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: (article.revisedAt ?? article.publishedAt).toISOString(),
      section: article.section.name,
      tags: article.tags.map((tag) => tag.name),
      images: [image],
    },
    twitter: { card: "summary_large_image", title: article.headline, description: article.dek, images: [image.url] },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await findArticle((await params).slug);
  if (!article) notFound();
  const [related, liveEntries] = await Promise.all([
    listRelatedArticles({ articleId: article.id, sectionId: article.sectionId, limit: 4 }),
    article.live ? listLiveEntries({ articleId: article.id }) : [],
  ]);
  const entryGraphicPhotos = await findEntryGraphicPhotos(liveEntries.map((entry) => entry.photoIds));
  await tagReaderPage(related.map((article) => readerTags.article(article.id)));
  const isSample = article.tags.some((tag) => tag.slug === SAMPLE_CONTENT_TAG.slug);

  const trail = [
    { name: "Home", path: routes.front },
    { name: article.section.name, path: routes.section(article.section.slug) },
    { name: article.headline, path: routes.article(article.slug) },
  ];

  return (
    <>
      <JsonLd
        data={
          article.live
            ? liveBlogPostingJsonLd(
                { ...article, live: article.live, imagePath: socialImage(article).url },
                liveEntries,
                site,
              )
            : newsArticleJsonLd({ ...article, imagePath: socialImage(article).url }, site)
        }
      />
      <JsonLd data={breadcrumbJsonLd(trail, site)} />
      <article className="mx-auto max-w-3xl">
        <header>
          <StoryAgeNotice publishedAt={article.publishedAt} sectionShowsAgeNotice={article.sectionShowsAgeNotice} />
          <p className="font-sans text-sm font-semibold tracking-wider text-red-800 uppercase dark:text-red-400">
            <Link href={routes.section(article.section.slug)} className="hover:underline">
              {article.section.name}
            </Link>
          </p>
          <h1 className="mt-2 text-4xl leading-tight font-bold tracking-tight text-balance sm:text-5xl">
            {article.headline}
          </h1>
          {article.dek ? (
            <p className="mt-4 text-xl leading-snug text-stone-700 dark:text-stone-300">{article.dek}</p>
          ) : null}
          <div className="mt-6 border-y border-stone-300 py-3 dark:border-stone-700">
            <ArticleByline article={article} />
          </div>
          <ArticleUpdateNotes notes={article.notes} />
          {isSample ? (
            <p className={SAMPLE_NOTE_CLASSES}>Sample content: this story is invented to demonstrate the portal.</p>
          ) : null}
          {article.leadPhoto ? <ArticlePhoto {...article.leadPhoto} variant="lead" /> : null}
        </header>
        <div className={BODY_CLASSES} data-article-body>
          <ArticleBody code={article.code} sourceHash={article.sourceHash} graphicPhotos={article.graphicPhotos} />
        </div>
        {article.live ? (
          <LiveCoverage
            slug={article.slug}
            live={article.live}
            entries={liveEntries}
            graphicPhotos={{ ...article.graphicPhotos, ...entryGraphicPhotos }}
          />
        ) : null}
        <ArticleCorrections notes={article.notes} />
        {article.tags.length > 0 ? (
          <footer className="mt-10 border-t border-stone-300 pt-4 font-sans text-sm dark:border-stone-700">
            <h2 className="sr-only">Topics</h2>
            <ul className="flex flex-wrap gap-2" aria-label="Topics">
              {article.tags.map((tag) => (
                <li key={tag.slug}>
                  <Link href={routes.tag(tag.slug)} rel="tag" className={TOPIC_LINK_CLASSES}>
                    {tag.name}
                  </Link>
                </li>
              ))}
            </ul>
          </footer>
        ) : null}
      </article>
      {related.length > 0 ? (
        <aside
          aria-labelledby="related-stories"
          className="mx-auto mt-14 max-w-5xl border-t-2 border-stone-900 pt-4 dark:border-stone-100"
        >
          <h2 id="related-stories" className="mb-5 text-2xl font-bold">
            Related stories
          </h2>
          <ul className="grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
            {related.map((article) => (
              <li key={article.id}>
                <ArticleCard article={article} size="compact" />
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </>
  );
}
