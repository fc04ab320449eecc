import "server-only";
import { sql } from "drizzle-orm";
import { databaseDriver, getDb, getReplicaDb, type Database } from "../client";

type Answer = { ok: boolean; latencyMs: number };

/**
 * `ok` is the primary's: without it nothing works, while a replica that is down only fails reader
 * pages no cache holds, on every app server alike, so taking this one out of a load balancer would
 * not help. `replica` is there only when reader queries go to one.
 */
export type DatabaseHealth = Answer & { driver: "postgres" | "pglite"; replica?: Answer };

// A load balancer must hear back in time to act, even from a database that hangs rather than refuses.
const HEALTH_DEADLINE_MS = 2_000;

async function answers(open: () => Database): Promise<Answer> {
  const started = performance.now();
  let deadline: NodeJS.Timeout | undefined;
  const ok = await Promise.race([
    // Inside the chain, so that opening the database failing (a PGlite directory in use) counts as down.
    Promise.resolve()
      .then(() => open().execute(sql`select 1`))
      .then(
        () => true,
        () => false,
      ),
    new Promise<false>((resolve) => {
      deadline = setTimeout(() => resolve(false), HEALTH_DEADLINE_MS);
    }),
  ]);
  clearTimeout(deadline);
  return { ok, latencyMs: Math.round(performance.now() - started) };
}

export async function checkDatabaseHealth(): Promise<DatabaseHealth> {
  const replica = getReplicaDb();
  const [primary, replicaAnswer] = await Promise.all([answers(getDb), replica && answers(() => replica)]);
  return { driver: databaseDriver(), ...primary, ...(replicaAnswer && { replica: replicaAnswer }) };
}
