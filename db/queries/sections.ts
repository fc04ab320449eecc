import "server-only";
import { eq } from "drizzle-orm";
import { isSlug } from "@/lib/slugs";
import { getReaderDb } from "../client";
import { sections } from "../schema";

export type Section = { id: string; slug: string; name: string; description: string };

const sectionColumns = {
  id: sections.id,
  slug: sections.slug,
  name: sections.name,
  description: sections.description,
};

/** The sections in the order the newsroom put them in the navigation. */
export async function listSections(): Promise<Section[]> {
  return getReaderDb().select(sectionColumns).from(sections).orderBy(sections.position, sections.name);
}

/** Null for a slug no section could have, from a reader's URL, without a query. */
export async function getSection({ slug }: { slug: string }): Promise<Section | null> {
  if (!isSlug(slug)) return null;
  const [row] = await getReaderDb().select(sectionColumns).from(sections).where(eq(sections.slug, slug)).limit(1);
  return row ?? null;
}
