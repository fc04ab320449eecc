import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/article-list";
import { PageHeading } from "@/components/page-heading";
import { Pagination } from "@/components/pagination";
import { listAuthorArticles } from "@/db/queries/articles";
import { getAuthorProfile } from "@/db/queries/authors";
import { parsePageParam } from "@/lib/page-param";
import { feedAlternates } from "@/lib/site";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await getAuthorProfile({ slug: (await params).slug });
  if (!author) return {};
  return { title: author.name, description: author.bio ?? undefined, alternates: { canonical: `/author/${author.slug}`, types: feedAlternates() } };
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const [{ slug }, { page: pageParam }] = await Promise.all([params, searchParams]);
  const page = parsePageParam(pageParam);
  const author = await getAuthorProfile({ slug });
  if (!author || page === null) notFound();

  const listing = await listAuthorArticles({ authorId: author.id, page });
  if (page > listing.totalPages) notFound();

  return (
    <>
      <PageHeading kicker="Writer" title={author.name}>
        {author.bio ? <p>{author.bio}</p> : null}
      </PageHeading>
      <ArticleList articles={listing.articles} empty={`${author.name} has no published stories yet.`} />
      <Pagination basePath={`/author/${author.slug}`} page={listing.page} totalPages={listing.totalPages} />
    </>
  );
}
