import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, gt, isNull, lt, or } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { ARTICLE_MODEL_VERSION, buildArticleModel, type ArticleModel } from "@/lib/mdx/article-model";
import { MdxCompileError } from "@/lib/mdx/parse-article";
import { getDb } from "./client";
import { recordArticlePhotos } from "./queries/article-photos";
import { articles } from "./schema";

/** The model's columns of an article row: written with every write of its body, never apart. */
export function articleModelColumns(model: ArticleModel) {
  return {
    plainText: model.plainText,
    wordCount: model.wordCount,
    bodyPhotoIds: model.photoIds,
    feedBody: model.feedBody,
    modelVersion: model.modelVersion,
  };
}

// Small enough that a batch's bodies (up to 200 KB each) never hold much memory at once.
const REBUILD_BATCH = 100;

const isStale = or(isNull(articles.modelVersion), lt(articles.modelVersion, ARTICLE_MODEL_VERSION));

export type ModelRebuildReport = { rebuilt: number; refused: string[] };

type StaleRow = { id: string; bodyMdx: string; version: number };

/** A body that fails today's safety check gets no model: its feed item shows none of it, and a save is refused. */
function modelOrRefusal(row: StaleRow, built: LRUCache<string, ArticleModel | MdxCompileError>) {
  const key = createHash("sha256").update(row.bodyMdx).digest("hex");
  const cached = built.get(key);
  if (cached) return cached;
  let model: ArticleModel | MdxCompileError;
  try {
    model = buildArticleModel(row.bodyMdx);
  } catch (error) {
    if (!(error instanceof MdxCompileError)) throw error;
    model = error;
  }
  built.set(key, model);
  return model;
}

async function rebuildBatch(rows: StaleRow[], built: LRUCache<string, ArticleModel | MdxCompileError>) {
  const report: ModelRebuildReport = { rebuilt: 0, refused: [] };
  await getDb().transaction(async (tx) => {
    for (const row of rows) {
      const model = modelOrRefusal(row, built);
      const columns =
        model instanceof MdxCompileError
          ? { feedBody: null, modelVersion: ARTICLE_MODEL_VERSION }
          : articleModelColumns(model);
      // Only over the body it was built from: a save since then (its version is newer) wrote its own model.
      const [written] = await tx
        .update(articles)
        .set(columns)
        .where(and(eq(articles.id, row.id), eq(articles.version, row.version)))
        .returning({ id: articles.id });
      if (!written) continue;
      if (model instanceof MdxCompileError) {
        report.refused.push(row.id);
        console.warn(`Story ${row.id} fails today's safety check and is left without a feed body:\n${model.message}`);
        continue;
      }
      await recordArticlePhotos(tx, row.id);
      report.rebuilt += 1;
    }
  });
  return report;
}

/**
 * Builds the model for every story that has none, or one built by older rules (written before
 * models were stored, by an older server, or before ARTICLE_MODEL_VERSION was raised), with its
 * article_photos record, in batches of one transaction each, walking the table in id order.
 * A row current already costs nothing, so every server may run this at start; prepareDatabase
 * runs it under the start-up lock, so one server rebuilds while the others wait, then find none.
 * The compiled code is not touched: it was compiled when the row was saved.
 */
export async function rebuildStaleArticleModels(): Promise<ModelRebuildReport> {
  const report: ModelRebuildReport = { rebuilt: 0, refused: [] };
  // Benchmark newsrooms share a few hundred bodies among many stories: each is built once.
  const built = new LRUCache<string, ArticleModel | MdxCompileError>({ max: 1_000 });
  let after: string | null = null;
  for (;;) {
    const rows: StaleRow[] = await getDb()
      .select({ id: articles.id, bodyMdx: articles.bodyMdx, version: articles.version })
      .from(articles)
      .where(and(isStale, after ? gt(articles.id, after) : undefined))
      .orderBy(asc(articles.id))
      .limit(REBUILD_BATCH);
    if (rows.length === 0) return report;
    const batch = await rebuildBatch(rows, built);
    report.rebuilt += batch.rebuilt;
    report.refused.push(...batch.refused);
    after = rows.at(-1)!.id;
  }
}
