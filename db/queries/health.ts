import "server-only";
import { sql } from "drizzle-orm";
import { databaseDriver, getDb } from "../client";

export type DatabaseHealth = { driver: "postgres" | "pglite"; ok: boolean; latencyMs: number };

export async function checkDatabaseHealth(): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await getDb().execute(sql`select 1`);
    return { driver: databaseDriver(), ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { driver: databaseDriver(), ok: false, latencyMs: Math.round(performance.now() - started) };
  }
}
