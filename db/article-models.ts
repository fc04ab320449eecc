import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, gt, isNull, lt, or } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { ARTICLE_MODEL_VERSION, buildArticleModel, type ArticleModel } from "@/lib/mdx/article-model";
import { MdxCompileError } from "@/lib/mdx/parse-article";
import { getDb } from "./client";
import { recordArticlePhotos } from "./queries/article-photos";
import type { Transaction } from "./queries/staff";
import { articles, liveEntries } from "./schema";

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

/** The model's columns of a live entry: plain text, photos and feed HTML, written with its body. */
export function liveEntryModelColumns(model: ArticleModel) {
  return {
    plainText: model.plainText,
    bodyPhotoIds: model.photoIds,
    feedBody: model.feedBody,
    modelVersion: model.modelVersion,
  };
}

// Small enough that a batch's bodies (up to 200 KB each) never hold much memory at once.
const REBUILD_BATCH = 100;

const isStale = or(isNull(articles.modelVersion), lt(articles.modelVersion, ARTICLE_MODEL_VERSION));
const isStaleEntry = or(isNull(liveEntries.modelVersion), lt(liveEntries.modelVersion, ARTICLE_MODEL_VERSION));

export type ModelRebuildReport = { rebuilt: number; refused: string[] };

type StaleRow = { id: string; bodyMdx: string; version: number };
type Built = LRUCache<string, ArticleModel | MdxCompileError>;

/** A body that fails today's safety check gets no model: its feed item shows none of it, and a save is refused. */
function modelOrRefusal(row: StaleRow, built: Built) {
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

/** Where stale bodies are read from and their models written back: stories, or live entries. */
type ModelTable = {
  what: string;
  staleAfter: (after: string | null) => Promise<StaleRow[]>;
  /** Writes the model only over the body it was built from; false when a save since wrote its own. */
  write: (tx: Transaction, row: StaleRow, model: ArticleModel | MdxCompileError) => Promise<boolean>;
};

const storyModels: ModelTable = {
  what: "Story",
  staleAfter: (after) =>
    getDb()
      .select({ id: articles.id, bodyMdx: articles.bodyMdx, version: articles.version })
      .from(articles)
      .where(and(isStale, after ? gt(articles.id, after) : undefined))
      .orderBy(asc(articles.id))
      .limit(REBUILD_BATCH),
  write: async (tx, row, model) => {
    const columns =
      model instanceof MdxCompileError
        ? { feedBody: null, modelVersion: ARTICLE_MODEL_VERSION }
        : articleModelColumns(model);
    const [written] = await tx
      .update(articles)
      .set(columns)
      .where(and(eq(articles.id, row.id), eq(articles.version, row.version)))
      .returning({ id: articles.id });
    if (written && !(model instanceof MdxCompileError)) await recordArticlePhotos(tx, row.id);
    return Boolean(written);
  },
};

const liveEntryModels: ModelTable = {
  what: "Live entry",
  staleAfter: (after) =>
    getDb()
      .select({ id: liveEntries.id, bodyMdx: liveEntries.bodyMdx, version: liveEntries.version })
      .from(liveEntries)
      .where(and(isStaleEntry, after ? gt(liveEntries.id, after) : undefined))
      .orderBy(asc(liveEntries.id))
      .limit(REBUILD_BATCH),
  write: async (tx, row, model) => {
    const columns =
      model instanceof MdxCompileError
        ? { feedBody: null, modelVersion: ARTICLE_MODEL_VERSION }
        : liveEntryModelColumns(model);
    const [written] = await tx
      .update(liveEntries)
      .set(columns)
      .where(and(eq(liveEntries.id, row.id), eq(liveEntries.version, row.version)))
      .returning({ id: liveEntries.id });
    return Boolean(written);
  },
};

async function rebuildBatch(table: ModelTable, rows: StaleRow[], built: Built) {
  const report: ModelRebuildReport = { rebuilt: 0, refused: [] };
  await getDb().transaction(async (tx) => {
    for (const row of rows) {
      const model = modelOrRefusal(row, built);
      if (!(await table.write(tx, row, model))) continue;
      if (model instanceof MdxCompileError) {
        report.refused.push(row.id);
        console.warn(
          `${table.what} ${row.id} fails today's safety check and is left without a feed body:\n${model.message}`,
        );
        continue;
      }
      report.rebuilt += 1;
    }
  });
  return report;
}

/**
 * Builds the model for every story and live entry that has none, or one built by older rules
 * (written before models were stored, by an older server, or before ARTICLE_MODEL_VERSION was
 * raised), with a story's article_photos record, in batches of one transaction each, walking each
 * table in id order. A row current already costs nothing, so every server may run this at start;
 * prepareDatabase runs it under the start-up lock, so one server rebuilds while the others wait,
 * then find none. The compiled code is not touched: it was compiled when the row was saved.
 */
export async function rebuildStaleArticleModels(): Promise<ModelRebuildReport> {
  const report: ModelRebuildReport = { rebuilt: 0, refused: [] };
  // Benchmark newsrooms share a few hundred bodies among many stories: each is built once.
  const built: Built = new LRUCache({ max: 1_000 });
  for (const table of [storyModels, liveEntryModels]) {
    let after: string | null = null;
    for (;;) {
      const rows = await table.staleAfter(after);
      if (rows.length === 0) break;
      const batch = await rebuildBatch(table, rows, built);
      report.rebuilt += batch.rebuilt;
      report.refused.push(...batch.refused);
      after = rows.at(-1)!.id;
    }
  }
  return report;
}
