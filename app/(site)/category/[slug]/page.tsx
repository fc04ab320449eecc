import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/article-list";
import { FeedLink } from "@/components/feed-link";
import { JsonLd } from "@/components/json-ld";
import { PageHeading } from "@/components/page-heading";
import { Pagination } from "@/components/pagination";
import { listSectionArticles } from "@/db/queries/articles";
import { getSection } from "@/db/queries/sections";
import { parsePageParam } from "@/lib/page-param";
import { feedAlternates, site } from "@/lib/site";
import { breadcrumbJsonLd } from "@/lib/structured-data";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getSection({ slug: (await params).slug });
  if (!section) return {};
  return {
    title: section.name,
    description: section.description || undefined,
    alternates: {
      canonical: `/category/${section.slug}`,
      types: feedAlternates({ title: `${section.name} — ${site.name}`, path: `/category/${section.slug}/rss.xml` }),
    },
  };
}

export default async function SectionPage({ params, searchParams }: Props) {
  const [{ slug }, { page: pageParam }] = await Promise.all([params, searchParams]);
  const page = parsePageParam(pageParam);
  const section = await getSection({ slug });
  if (!section || page === null) notFound();

  const listing = await listSectionArticles({ sectionId: section.id, page });
  if (page > listing.totalPages) notFound();

  return (
    <>
      <JsonLd data={breadcrumbJsonLd([{ name: "Home", path: "/" }, { name: section.name, path: `/category/${section.slug}` }], site)} />
      <PageHeading kicker="Section" title={section.name}>
        {section.description ? <p>{section.description}</p> : null}
        <p className="mt-2">
          <FeedLink href={`/category/${section.slug}/rss.xml`} label={`${section.name} RSS feed`} />
        </p>
      </PageHeading>
      <ArticleList articles={listing.articles} showSection={false} empty={`No stories in ${section.name} yet.`} />
      <Pagination basePath={`/category/${section.slug}`} page={listing.page} totalPages={listing.totalPages} />
    </>
  );
}
