import "server-only";
import { eq, inArray } from "drizzle-orm";
import { photoReferences } from "@/lib/mdx/photo-references";
import { articlePhotos, media } from "../schema";
import type { Transaction } from "./staff";

/**
 * Records which photos a story shows, its lead and every `<Figure photo="…">` of its body, in
 * place of what was recorded before. Called in the transaction that saves the story, so the
 * record can never disagree with the story readers see. Ids the library does not have are left
 * out: they name no photo.
 */
export async function recordArticlePhotos(
  tx: Transaction,
  articleId: string,
  story: { bodyMdx: string; heroMediaId: string | null },
): Promise<void> {
  await tx.delete(articlePhotos).where(eq(articlePhotos.articleId, articleId));
  const lead = story.heroMediaId?.toLowerCase() ?? null;
  const shown = [...new Set([...(lead ? [lead] : []), ...photoReferences(story.bodyMdx)])];
  if (shown.length === 0) return;
  const inLibrary = await tx.select({ id: media.id }).from(media).where(inArray(media.id, shown));
  if (inLibrary.length === 0) return;
  await tx.insert(articlePhotos).values(inLibrary.map(({ id }) => ({ articleId, mediaId: id, isLead: id === lead })));
}
