import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { publicStoryTags, type ReaderTag } from "@/lib/cache-tags";
import { articles, articleTags, categories, tags, users } from "../schema";
import type { Transaction } from "./staff";

export type PublicStory = Parameters<typeof publicStoryTags>[0];

/**
 * The stories chosen by `which` that readers can see, now or when their time comes (published or
 * scheduled, not in the trash), with what their pages are tagged by: read inside the write's own
 * transaction, before and after it changes them.
 */
export async function findPublicStories(tx: Transaction, which: SQL): Promise<PublicStory[]> {
  const rows = await tx
    .select({
      id: articles.id,
      slug: articles.slug,
      sectionSlug: categories.slug,
      authorSlug: users.slug,
      tagSlugs: sql<string[]>`coalesce((
        select json_agg(${tags.slug} order by ${tags.slug}) from ${articleTags}
        inner join ${tags} on ${tags.id} = ${articleTags.tagId}
        where ${articleTags.articleId} = ${articles.id}), '[]'::json)`,
    })
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .innerJoin(users, eq(users.id, articles.authorId))
    .where(and(which, eq(articles.status, "published"), isNull(articles.deletedAt)));
  return rows.map(({ authorSlug, ...story }) => ({ ...story, authorSlugs: [authorSlug] }));
}

/** Every tag once, in the order first met. */
export const uniqueTags = (...lists: ReadonlyArray<readonly ReaderTag[]>): ReaderTag[] => [...new Set(lists.flat())];

/** What a change to stories expires: each one's page and lists as they were before it, and as they are after. */
export const storiesTags = (...stories: PublicStory[]): ReaderTag[] => uniqueTags(...stories.map(publicStoryTags));
