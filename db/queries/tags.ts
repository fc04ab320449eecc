import "server-only";
import { and, eq, exists } from "drizzle-orm";
import { isSlug } from "@/lib/slugs";
import { getReaderDb, type Database } from "../client";
import { articles, articleTags, tagRedirects, tags } from "../schema";
import { isPublicArticle } from "./public-articles";

export type Tag = { id: string; slug: string; name: string };

/**
 * A tag exists for readers once a public story carries it. A writer's draft creates its tags as it
 * is saved, and their names ("Minister resigns") are news until the story is out.
 */
const carriedByPublicArticle = (db: Database) =>
  exists(
    db
      .select({ id: articleTags.articleId })
      .from(articleTags)
      .innerJoin(articles, eq(articles.id, articleTags.articleId))
      .where(and(eq(articleTags.tagId, tags.id), isPublicArticle)),
  );

/** Null for a tag no public story carries yet, and for a slug no tag could have, without a query. */
export async function getTag({ slug }: { slug: string }): Promise<Tag | null> {
  if (!isSlug(slug)) return null;
  const db = getReaderDb();
  const [row] = await db
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(tags)
    .where(and(eq(tags.slug, slug), carriedByPublicArticle(db)))
    .limit(1);
  return row ?? null;
}

/**
 * The current slug of the tag an old address (from a rename or a merge) now leads to; null if it
 * leads nowhere, or to a tag no public story carries yet.
 */
export async function findTagRedirect({ slug }: { slug: string }): Promise<string | null> {
  if (!isSlug(slug)) return null;
  const db = getReaderDb();
  const [row] = await db
    .select({ slug: tags.slug })
    .from(tagRedirects)
    .innerJoin(tags, eq(tags.id, tagRedirects.tagId))
    .where(and(eq(tagRedirects.oldSlug, slug), carriedByPublicArticle(db)))
    .limit(1);
  return row?.slug ?? null;
}
