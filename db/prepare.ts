import "server-only";
import path from "node:path";
import { loadNewsroomContent } from "@/lib/content/load";
import { env } from "@/lib/env";
import { migrateDatabase } from "./client";
import { isDatabaseEmpty, seedNewsroom } from "./seed";

/** At server start: bring the schema up to date, and give an empty newsroom its sample content. */
export async function prepareDatabase(): Promise<void> {
  await migrateDatabase();
  if (!(await isDatabaseEmpty())) return;
  const content = await loadNewsroomContent(path.join(process.cwd(), "content"));
  const report = await seedNewsroom(content, env.NEWSROOM_TIME_ZONE);
  console.log(`Seeded ${report.created.length} articles from content/.`);
}
