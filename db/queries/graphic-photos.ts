import "server-only";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { getReaderDb } from "../client";
import { articlePhotos, media } from "../schema";

/** The graphic photos among these stories' photos, by story, each with its warning. */
export async function findGraphicPhotos(articleIds: string[]): Promise<Map<string, Record<string, string>>> {
  const byArticle = new Map<string, Record<string, string>>();
  if (articleIds.length === 0) return byArticle;
  const rows = await getReaderDb()
    .select({ articleId: articlePhotos.articleId, photoId: media.id, warning: media.graphicWarning })
    .from(articlePhotos)
    .innerJoin(media, eq(media.id, articlePhotos.mediaId))
    .where(and(inArray(articlePhotos.articleId, articleIds), isNotNull(media.graphicWarning)));
  for (const { articleId, photoId, warning } of rows) {
    byArticle.set(articleId, { ...byArticle.get(articleId), [photoId]: warning! });
  }
  return byArticle;
}
