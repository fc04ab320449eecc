import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import { loadNewsroomContent } from "@/lib/content/load";
import { env } from "@/lib/env";
import { rebuildStaleArticleModels } from "./article-models";
import { databaseDriver, getDb, migrateDatabase } from "./client";
import { isDatabaseEmpty, seedNewsroom } from "./seed";

// Beside FIRST_RUN_LOCK and SIGN_IN_LOCKS (db/queries), apart from both.
const START_UP_LOCK = 7_461_003;

/**
 * At server start: bring the schema up to date, build the model of every story that lacks a
 * current one, and give an empty newsroom its sample content.
 */
export async function prepareDatabase(): Promise<void> {
  // One process owns a PGlite directory; there is nobody to wait for.
  if (databaseDriver() === "pglite") return migrateAndSeed();
  // App servers started together on one PostgreSQL take turns: the first migrates, rebuilds old
  // stories' models and seeds, the others then find the schema current, every model built and the
  // newsroom full. A rebuild of many stories delays the other servers' start until it is done, so
  // none serves a feed that is missing bodies. The lock is held by this transaction's connection
  // while the work runs on others from the pool.
  await getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${START_UP_LOCK})`);
    await migrateAndSeed();
  });
}

async function migrateAndSeed(): Promise<void> {
  await migrateDatabase();
  const models = await rebuildStaleArticleModels();
  if (models.rebuilt + models.refused.length > 0) {
    console.log(
      `Built the article model of ${models.rebuilt} stories and live entries (${models.refused.length} refused).`,
    );
  }
  if (!(await isDatabaseEmpty())) return;
  const content = await loadNewsroomContent(path.join(process.cwd(), "content"));
  const report = await seedNewsroom(content, env.NEWSROOM_TIME_ZONE);
  console.log(`Seeded ${report.created.length} articles from content/.`);
}
