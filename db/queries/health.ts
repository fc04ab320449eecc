import "server-only";
import { sql } from "drizzle-orm";
import { databaseDriver, getDb } from "../client";

export type DatabaseHealth = { driver: "postgres" | "pglite"; ok: boolean; latencyMs: number };

// A load balancer must hear back in time to act, even from a database that hangs rather than refuses.
const HEALTH_DEADLINE_MS = 2_000;

export async function checkDatabaseHealth(): Promise<DatabaseHealth> {
  const started = performance.now();
  let deadline: NodeJS.Timeout | undefined;
  const ok = await Promise.race([
    // Inside the chain, so that opening the database failing (a PGlite directory in use) counts as down.
    Promise.resolve()
      .then(() => getDb().execute(sql`select 1`))
      .then(
        () => true,
        () => false,
      ),
    new Promise<false>((resolve) => {
      deadline = setTimeout(() => resolve(false), HEALTH_DEADLINE_MS);
    }),
  ]);
  clearTimeout(deadline);
  return { driver: databaseDriver(), ok, latencyMs: Math.round(performance.now() - started) };
}
