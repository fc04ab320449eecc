import "server-only";
import { eq } from "drizzle-orm";
import { isSlug } from "@/lib/slugs";
import { getReaderDb } from "../client";
import { users } from "../schema";

/** What a reader may know about a writer: never the email, role or password hash. */
export type AuthorProfile = { id: string; slug: string; name: string; bio: string | null };

/** Null for a slug no writer could have, from a reader's URL, without a query. */
export async function getAuthorProfile({ slug }: { slug: string }): Promise<AuthorProfile | null> {
  if (!isSlug(slug)) return null;
  const [row] = await getReaderDb()
    .select({ id: users.id, slug: users.slug, name: users.name, bio: users.bio })
    .from(users)
    .where(eq(users.slug, slug))
    .limit(1);
  return row ?? null;
}
