import "server-only";
import { eq } from "drizzle-orm";
import { isSlug } from "@/lib/slugs";
import { getReaderDb } from "../client";
import { tagRedirects, tags } from "../schema";

export type Tag = { id: string; slug: string; name: string };

/** Null for a slug no tag could have, from a reader's URL, without a query. */
export async function getTag({ slug }: { slug: string }): Promise<Tag | null> {
  if (!isSlug(slug)) return null;
  const [row] = await getReaderDb()
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(tags)
    .where(eq(tags.slug, slug))
    .limit(1);
  return row ?? null;
}

/** The current slug of the tag an old address (from a rename or a merge) now leads to; null if it leads nowhere. */
export async function findTagRedirect({ slug }: { slug: string }): Promise<string | null> {
  if (!isSlug(slug)) return null;
  const [row] = await getReaderDb()
    .select({ slug: tags.slug })
    .from(tagRedirects)
    .innerJoin(tags, eq(tags.id, tagRedirects.tagId))
    .where(eq(tagRedirects.oldSlug, slug))
    .limit(1);
  return row?.slug ?? null;
}
