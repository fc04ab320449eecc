import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { tags } from "../schema";

export type Tag = { id: string; slug: string; name: string };

export async function getTag({ slug }: { slug: string }): Promise<Tag | null> {
  const [row] = await getDb()
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(tags)
    .where(eq(tags.slug, slug))
    .limit(1);
  return row ?? null;
}
