import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { publicArticleTags, type ReaderTag } from "@/lib/cache-tags";
import { articleBylines, articles, articleTags, sections, tags, users } from "../schema";
import type { Transaction } from "./staff";

export type PublicArticle = Parameters<typeof publicArticleTags>[0];

/**
 * The stories chosen by `which` that readers can see, now or when their time comes (published or
 * scheduled, not in the trash), with what their pages are tagged by: read inside the write's own
 * transaction, before and after it changes them.
 */
export async function findPublicArticles(tx: Transaction, which: SQL): Promise<PublicArticle[]> {
  return tx
    .select({
      id: articles.id,
      slug: articles.slug,
      sectionSlug: sections.slug,
      authorSlugs: sql<string[]>`coalesce((
        select json_agg(${users.slug} order by ${articleBylines.position}) from ${articleBylines}
        inner join ${users} on ${users.id} = ${articleBylines.userId}
        where ${articleBylines.articleId} = ${articles.id}), '[]'::json)`,
      tagSlugs: sql<string[]>`coalesce((
        select json_agg(${tags.slug} order by ${tags.slug}) from ${articleTags}
        inner join ${tags} on ${tags.id} = ${articleTags.tagId}
        where ${articleTags.articleId} = ${articles.id}), '[]'::json)`,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(which, eq(articles.status, "published"), isNull(articles.deletedAt)));
}

/** Every tag once, in the order first met. */
export const uniqueTags = (...lists: ReadonlyArray<readonly ReaderTag[]>): ReaderTag[] => [...new Set(lists.flat())];

/** What a change to stories expires: each one's page and lists as they were before it, and as they are after. */
export const articlesTags = (...articles: PublicArticle[]): ReaderTag[] =>
  uniqueTags(...articles.map(publicArticleTags));
