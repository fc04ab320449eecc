import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/article-list";
import { FeedLink } from "@/components/feed-link";
import { JsonLd } from "@/components/json-ld";
import { PageHeading } from "@/components/page-heading";
import { StoryListPagination } from "@/components/story-list-pagination";
import { listSectionArticles } from "@/db/queries/articles";
import { getSection } from "@/db/queries/sections";
import { parseStoryCursor } from "@/lib/page-param";
import { feedAlternates, site } from "@/lib/site";
import { breadcrumbJsonLd } from "@/lib/structured-data";

type SectionListing = { slug: string; cursor?: string };

const listingPath = ({ slug, cursor }: SectionListing) =>
  cursor ? `/category/${slug}/before/${cursor}` : `/category/${slug}`;

// generateMetadata and the page look the section up once per render, not twice.
const findSection = cache((slug: string) => getSection({ slug }));

export async function sectionMetadata(listing: SectionListing): Promise<Metadata> {
  const section = await findSection(listing.slug);
  if (!section) return {};
  return {
    title: listing.cursor ? `${section.name}: older stories` : section.name,
    description: section.description || undefined,
    alternates: {
      canonical: listingPath(listing),
      types: feedAlternates({ title: `${section.name} — ${site.name}`, path: `/category/${section.slug}/rss.xml` }),
    },
  };
}

/** A section's stories, newest first; with a cursor, the page of stories published before it. */
export async function SectionStories(listing: SectionListing) {
  const before = listing.cursor === undefined ? undefined : parseStoryCursor(listing.cursor);
  const section = await findSection(listing.slug);
  if (!section || before === null) notFound();
  const stories = await listSectionArticles({ sectionId: section.id, before });
  if (before && stories.articles.length === 0) notFound();

  return (
    <>
      <JsonLd
        data={breadcrumbJsonLd(
          [
            { name: "Home", path: "/" },
            { name: section.name, path: `/category/${section.slug}` },
          ],
          site,
        )}
      />
      <PageHeading kicker="Section" title={section.name}>
        {section.description ? <p>{section.description}</p> : null}
        <p className="mt-2">
          <FeedLink href={`/category/${section.slug}/rss.xml`} label={`${section.name} RSS feed`} />
        </p>
      </PageHeading>
      <ArticleList articles={stories.articles} showSection={false} empty={`No stories in ${section.name} yet.`} />
      <StoryListPagination
        basePath={`/category/${section.slug}`}
        olderCursor={stories.olderCursor}
        newerCursor={stories.newerCursor}
      />
    </>
  );
}
