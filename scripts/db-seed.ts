import path from "node:path";
import { closeDatabase, databaseDriver, migrateDatabase } from "@/db/client";
import { seedNewsroom } from "@/db/seed";
import { loadNewsroomContent } from "@/lib/content/load";
import { env } from "@/lib/env";

try {
  await migrateDatabase();
  const content = await loadNewsroomContent(path.join(process.cwd(), "content"));
  const report = await seedNewsroom(content, env.NEWSROOM_TIME_ZONE);
  console.log(
    `Seeded ${databaseDriver()}: ${report.created.length} articles added, ${report.skipped.length} already present.`,
  );
  for (const slug of report.created) console.log(`  + ${slug}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
