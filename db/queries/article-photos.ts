import "server-only";
import { eq, inArray } from "drizzle-orm";
import { articlePhotos, articles, media } from "../schema";
import type { Transaction } from "./staff";

/**
 * Records which photos a story shows, its lead and every `<Figure photo="…">` of its body, in
 * place of what was recorded before. Read from the story's row as this transaction wrote it (the
 * body's photos are part of the model built at save, `body_photo_ids`), so the record can never
 * disagree with the story readers see. Called after every write of the row's body or lead photo.
 * Ids the library does not have are left out: they name no photo.
 */
export async function recordArticlePhotos(tx: Transaction, articleId: string): Promise<void> {
  await tx.delete(articlePhotos).where(eq(articlePhotos.articleId, articleId));
  const [article] = await tx
    .select({ heroMediaId: articles.heroMediaId, bodyPhotoIds: articles.bodyPhotoIds })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!article) return;
  const lead = article.heroMediaId?.toLowerCase() ?? null;
  const shown = [...new Set([...(lead ? [lead] : []), ...article.bodyPhotoIds.map((id) => id.toLowerCase())])];
  if (shown.length === 0) return;
  const inLibrary = await tx.select({ id: media.id }).from(media).where(inArray(media.id, shown));
  if (inLibrary.length === 0) return;
  await tx.insert(articlePhotos).values(inLibrary.map(({ id }) => ({ articleId, mediaId: id, isLead: id === lead })));
}
