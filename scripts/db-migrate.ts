import { closeDatabase, databaseDriver, migrateDatabase } from "@/db/client";

try {
  await migrateDatabase();
  console.log(`Migrations applied (${databaseDriver()}).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
