import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { ArticleList } from "@/components/article-list";
import { FeedLink } from "@/components/feed-link";
import { JsonLd } from "@/components/json-ld";
import { PageHeading } from "@/components/page-heading";
import { ArticleListPagination } from "@/components/article-list-pagination";
import { listAuthorArticles, listSectionArticles, listTagArticles, type ArticleListPage } from "@/db/queries/articles";
import { getAuthorProfile } from "@/db/queries/authors";
import { getSection } from "@/db/queries/sections";
import { findTagRedirect, getTag } from "@/db/queries/tags";
import { readerTags } from "@/lib/cache-tags";
import { parseArticleCursor } from "@/lib/page-param";
import { tagReaderPage } from "@/lib/reader-cache";
import { routes, type ListingKind } from "@/lib/routes";
import { feedAlternates, site } from "@/lib/site";
import { isSlug } from "@/lib/slugs";
import { breadcrumbJsonLd } from "@/lib/structured-data";

/** What a list is of (a section, a tag, a writer), as the list page shows it. */
type ListingSubject = { id: string; slug: string; name: string; about: string | null };

/** What differs between the three lists; the page around it is the same. */
type ListingRules = {
  kicker: string;
  find: (slug: string) => Promise<ListingSubject | null>;
  /** Where an old address (a renamed or merged subject) leads now, for the lists that keep them. */
  findMoved?: (slug: string) => Promise<string | null>;
  list: (subjectId: string, before: string | undefined) => Promise<ArticleListPage>;
  feedPath?: (slug: string) => string;
  /** A section's stories are all of that section: their cards leave it out. */
  showSection: boolean;
  withBreadcrumbs: boolean;
  empty: (name: string) => string;
};

const listings: Record<ListingKind, ListingRules> = {
  section: {
    kicker: "Section",
    find: async (slug) => {
      const section = await getSection({ slug });
      return section && { ...section, about: section.description || null };
    },
    list: (sectionId, before) => listSectionArticles({ sectionId, before }),
    feedPath: routes.sectionFeed,
    showSection: false,
    withBreadcrumbs: true,
    empty: (name) => `No stories in ${name} yet.`,
  },
  tag: {
    kicker: "Topic",
    find: async (slug) => {
      const tag = await getTag({ slug });
      return tag && { ...tag, about: null };
    },
    findMoved: (slug) => findTagRedirect({ slug }),
    list: (tagId, before) => listTagArticles({ tagId, before }),
    feedPath: routes.tagFeed,
    showSection: true,
    withBreadcrumbs: false,
    empty: (name) => `No published stories are tagged ${name} yet.`,
  },
  author: {
    kicker: "Writer",
    find: async (slug) => {
      const author = await getAuthorProfile({ slug });
      return author && { id: author.id, slug: author.slug, name: author.name, about: author.bio || null };
    },
    list: (authorId, before) => listAuthorArticles({ authorId, before }),
    feedPath: routes.authorFeed,
    showSection: true,
    withBreadcrumbs: false,
    empty: (name) => `${name} has no published stories yet.`,
  },
};

/** One page of a list: its kind, the subject's slug from the address, and the `before/{cursor}` if any. */
export type ListingPage = { kind: ListingKind; slug: string; cursor?: string };

// generateMetadata and the page look the subject up once per render, not twice. The page is tagged
// with the subject's address before the lookup, so a cached 404 expires when the subject appears.
const findSubject = cache(async (kind: ListingKind, slug: string) => {
  if (!isSlug(slug)) return null;
  await tagReaderPage([readerTags[kind](slug)]);
  return listings[kind].find(slug);
});

export async function listingMetadata({ kind, slug, cursor }: ListingPage): Promise<Metadata> {
  const subject = await findSubject(kind, slug);
  // An old address has no metadata of its own: the page itself redirects, or 404s.
  if (!subject) return {};
  const feedPath = listings[kind].feedPath?.(subject.slug);
  return {
    title: cursor ? `${subject.name}: older stories` : subject.name,
    description: subject.about ?? undefined,
    alternates: {
      canonical: routes.listing(kind, slug, cursor),
      types: feedAlternates(feedPath ? { title: `${subject.name} — ${site.name}`, path: feedPath } : undefined),
    },
  };
}

/** An old address sends readers and search engines on to where the subject lives now. */
async function redirectFromOldAddress({ kind, slug, cursor }: ListingPage) {
  const currentSlug = await listings[kind].findMoved?.(slug);
  if (currentSlug) permanentRedirect(routes.listing(kind, currentSlug, cursor));
}

/** A list's stories, newest first; with a cursor, the page of stories published before it. */
export async function ArticleListing(page: ListingPage) {
  const rules = listings[page.kind];
  const before = page.cursor === undefined ? undefined : parseArticleCursor(page.cursor);
  const subject = await findSubject(page.kind, page.slug);
  if (!subject) await redirectFromOldAddress(page);
  if (!subject || before === null) notFound();
  const articles = await rules.list(subject.id, before);
  if (before && articles.articles.length === 0) notFound();
  await tagReaderPage(articles.articles.map((article) => readerTags.article(article.id)));
  const feedPath = rules.feedPath?.(subject.slug);

  return (
    <>
      {rules.withBreadcrumbs ? (
        <JsonLd
          data={breadcrumbJsonLd(
            [
              { name: "Home", path: routes.front },
              { name: subject.name, path: routes.listing(page.kind, subject.slug) },
            ],
            site,
          )}
        />
      ) : null}
      <PageHeading kicker={rules.kicker} title={subject.name}>
        {subject.about ? <p>{subject.about}</p> : null}
        {feedPath ? (
          <p className={subject.about ? "mt-2" : undefined}>
            <FeedLink href={feedPath} label={`${subject.name} RSS feed`} />
          </p>
        ) : null}
      </PageHeading>
      <ArticleList articles={articles.articles} showSection={rules.showSection} empty={rules.empty(subject.name)} />
      <ArticleListPagination
        listing={{ kind: page.kind, slug: subject.slug }}
        olderCursor={articles.olderCursor}
        newerCursor={articles.newerCursor}
      />
    </>
  );
}
