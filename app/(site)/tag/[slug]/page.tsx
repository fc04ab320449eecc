import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleList } from "@/components/article-list";
import { FeedLink } from "@/components/feed-link";
import { PageHeading } from "@/components/page-heading";
import { Pagination } from "@/components/pagination";
import { listTagArticles } from "@/db/queries/articles";
import { findTagRedirect, getTag } from "@/db/queries/tags";
import { parsePageParam } from "@/lib/page-param";
import { feedAlternates, site } from "@/lib/site";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

/** A renamed or merged tag's old address sends readers and search engines on to where the tag lives now. */
async function redirectFromOldAddress(slug: string, pageParam: string | string[] | undefined) {
  const currentSlug = await findTagRedirect({ slug });
  if (!currentSlug) return;
  const page = Array.isArray(pageParam) ? pageParam[0] : pageParam;
  permanentRedirect(page ? `/tag/${currentSlug}?${new URLSearchParams({ page })}` : `/tag/${currentSlug}`);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await getTag({ slug: (await params).slug });
  // An old address has no metadata of its own: the page itself redirects, or 404s.
  if (!tag) return {};
  return {
    title: tag.name,
    alternates: {
      canonical: `/tag/${tag.slug}`,
      types: feedAlternates({ title: `${tag.name} — ${site.name}`, path: `/tag/${tag.slug}/rss.xml` }),
    },
  };
}

export default async function TagPage({ params, searchParams }: Props) {
  const [{ slug }, { page: pageParam }] = await Promise.all([params, searchParams]);
  const page = parsePageParam(pageParam);
  const tag = await getTag({ slug });
  if (!tag) await redirectFromOldAddress(slug, pageParam);
  if (!tag || page === null) notFound();

  const listing = await listTagArticles({ tagId: tag.id, page });
  if (page > listing.totalPages) notFound();

  return (
    <>
      <PageHeading kicker="Topic" title={tag.name}>
        <p>
          <FeedLink href={`/tag/${tag.slug}/rss.xml`} label={`${tag.name} RSS feed`} />
        </p>
      </PageHeading>
      <ArticleList articles={listing.articles} empty={`No published stories are tagged ${tag.name} yet.`} />
      <Pagination basePath={`/tag/${tag.slug}`} page={listing.page} totalPages={listing.totalPages} />
    </>
  );
}
