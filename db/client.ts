import "server-only";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PGlite } from "@electric-sql/pglite";
import { withReplicas, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { env } from "@/lib/env";
import { lockPgliteDirectory } from "./pglite-lock";
import * as schema from "./schema";

/** Both drivers speak the same query builder; nothing outside this file knows which one runs. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseDriver = "postgres" | "pglite";

type Connection = {
  /** The primary: the newsroom's writes and its own reads. */
  db: Database;
  /** Reader queries: selects go to the replica when there is one; otherwise this is `db`. */
  readerDb: Database;
  /** The replica by itself, for what withReplicas would send to the primary (transactions, execute). */
  replica: Database | null;
  waitForReplica: () => Promise<void>;
  driver: DatabaseDriver;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  explain: (query: string, params: unknown[], settings: string[]) => Promise<string[]>;
};

type QueryListener = (query: string, params: unknown[]) => void;
const queryListeners = new Set<QueryListener>();
// Drizzle tells the logger every statement it sends; listeners exist only while a script records.
const logger = {
  logQuery: (query: string, params: unknown[]) => queryListeners.forEach((listen) => listen(query, params)),
};
const EXPLAIN = "explain (analyze, buffers, costs off, summary on) ";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// While PostgreSQL is down, uncached pages must fail fast and, once it is back, recover at once
// without a restart (the next query simply opens a new connection). postgres.js's defaults defeat
// both: it waits 30 s for a connection, and after each failed one it waits longer before trying
// again, up to 20 s, which measured here as pages taking 4-13 s to fail during an outage and as long
// to come back after it. A healthy server on the same network connects in milliseconds.
const CONNECT_TIMEOUT_SECONDS = 3;
// Still growing, so a server starting up is not hammered, but never past a second, with jitter.
const reconnectDelaySeconds = (failures: number) => Math.min(0.05 * 2 ** failures, 1) * (0.5 + Math.random() / 2);

const openPostgres = (url: string) =>
  postgres(url, {
    max: 10,
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    backoff: reconnectDelaySeconds,
    onnotice: () => {},
  });

function connectPostgres(url: string, replicaUrl: string | undefined): Connection {
  const client = openPostgres(url);
  const db = drizzlePostgres(client, { schema, logger });
  const replicaClient = replicaUrl ? openPostgres(replicaUrl) : null;
  const replica = replicaClient ? drizzlePostgres(replicaClient, { schema, logger }) : null;
  return {
    db: db as unknown as Database,
    readerDb: (replica ? withReplicas(db, [replica]) : db) as unknown as Database,
    replica: replica as unknown as Database | null,
    waitForReplica: () => (replicaClient ? waitForReplay(client, replicaClient) : Promise.resolve()),
    driver: "postgres",
    migrate: () => migratePostgres(db, { migrationsFolder }),
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), replicaClient?.end({ timeout: 5 })]);
    },
    explain: (query, params, settings) =>
      client.begin(async (tx) => {
        for (const setting of settings) await tx.unsafe(setting);
        const plan = await tx.unsafe(EXPLAIN + query, params as postgres.ParameterOrJSON<never>[]);
        return plan.map((row) => String(Object.values(row)[0]));
      }) as Promise<string[]>,
  };
}

// A publish waits this long at most for the replica before expiring pages anyway, asking this often.
const REPLICA_WAIT_MS = 2_000;
const REPLICA_POLL_MS = 10;

type ReplayProgress = { bytesBehind: number | null; abandoned: boolean };

// pg_last_wal_replay_lsn() is null on a server that is not replaying (one promoted, or the primary
// itself named as its replica): it holds every commit already, so there is nothing to wait for.
async function pollUntilReplayed(
  primary: postgres.Sql,
  replica: postgres.Sql,
  progress: ReplayProgress,
): Promise<void> {
  const [position] = await primary<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
  while (!progress.abandoned) {
    const [row] = await replica<{ behind: number | null }[]>`
      select pg_wal_lsn_diff(${position!.lsn}::pg_lsn, pg_last_wal_replay_lsn())::float8 as behind`;
    progress.bytesBehind = row?.behind ?? null;
    if (progress.bytesBehind === null || progress.bytesBehind <= 0) return;
    await sleep(REPLICA_POLL_MS);
  }
}

/**
 * Waits until the replica has replayed everything the primary has written so far, for at most
 * REPLICA_WAIT_MS. A replica that is slow, down or unreachable costs a warning, never the publish:
 * its readers see the change when their pages next revalidate instead of at once.
 */
async function waitForReplay(primary: postgres.Sql, replica: postgres.Sql): Promise<void> {
  const progress: ReplayProgress = { bytesBehind: null, abandoned: false };
  let deadline: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    deadline = setTimeout(() => resolve("late"), REPLICA_WAIT_MS);
  });
  try {
    if ((await Promise.race([pollUntilReplayed(primary, replica, progress), late])) === "late") {
      const behind = progress.bytesBehind === null ? "an unknown number of" : String(progress.bytesBehind);
      console.warn(
        `The read replica is still ${behind} bytes of WAL behind the primary after ${REPLICA_WAIT_MS} ms; ` +
          "reader pages rendered now may show the change only when they next revalidate.",
      );
    }
  } catch (error) {
    console.warn(
      "Could not ask the read replica how far it has replayed; reader pages are expired without waiting for it.",
      error,
    );
  } finally {
    progress.abandoned = true;
    clearTimeout(deadline);
  }
}

function connectPglite(directory: string): Connection {
  const inMemory = directory.startsWith("memory://");
  const unlock = inMemory ? () => {} : lockPgliteDirectory(directory);
  const client = new PGlite(inMemory ? directory : path.resolve(directory));
  const db = drizzlePglite(client, { schema, logger });
  return {
    db: db as unknown as Database,
    readerDb: db as unknown as Database,
    replica: null,
    waitForReplica: () => Promise.resolve(),
    driver: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: async () => {
      await client.close();
      unlock();
    },
    explain: (query, params, settings) =>
      client.transaction(async (tx) => {
        for (const setting of settings) await tx.exec(setting);
        const plan = await tx.query<Record<string, unknown>>(EXPLAIN + query, params);
        return plan.rows.map((row) => String(Object.values(row)[0]));
      }),
  };
}

// Next.js may load this module once per bundle layer; a second PGlite on the same
// directory in one process would lose writes just as a second process would.
const globalForDatabase = globalThis as typeof globalThis & { newsroomDatabase?: Connection };

function connection(): Connection {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database was opened during `next build`. Reader pages must not query at build time.");
  }
  globalForDatabase.newsroomDatabase ??= env.DATABASE_URL
    ? connectPostgres(env.DATABASE_URL, env.DATABASE_REPLICA_URL)
    : connectPglite(env.PGLITE_DIR);
  return globalForDatabase.newsroomDatabase;
}

/** The primary: every write, and the newsroom's own reads, which must see what it just wrote. */
export function getDb(): Database {
  return connection().db;
}

/**
 * For reader queries (published stories only): their selects go to the read replica when
 * DATABASE_REPLICA_URL is set, otherwise this is `getDb()`. Writes, `execute` and transactions
 * on it still go to the primary, so a reader transaction uses `readerTransaction`.
 */
export function getReaderDb(): Database {
  return connection().readerDb;
}

/** A transaction for reader queries, on the replica when there is one. */
export const readerTransaction: Database["transaction"] = (run, config) =>
  (connection().replica ?? connection().db).transaction(run, config);

/** The read replica by itself, for the health check; null without one (and then opens nothing). */
export function getReplicaDb(): Database | null {
  return env.DATABASE_REPLICA_URL ? connection().replica : null;
}

/**
 * Returns once the read replica has replayed every commit the primary has made so far, so a reader
 * page rendered next shows them; at most a couple of seconds, and never throws. No replica: at once.
 */
export async function waitForReplicaToCatchUp(): Promise<void> {
  if (!env.DATABASE_REPLICA_URL) return;
  await connection().waitForReplica();
}

export function databaseDriver(): DatabaseDriver {
  return env.DATABASE_URL ? "postgres" : "pglite";
}

export async function migrateDatabase(): Promise<void> {
  await connection().migrate();
}

export async function closeDatabase(): Promise<void> {
  const open = globalForDatabase.newsroomDatabase;
  globalForDatabase.newsroomDatabase = undefined;
  await open?.close();
}

/** Calls `listen` with each statement just before it is sent, until the returned function is called. */
export function watchQueries(listen: QueryListener): () => void {
  queryListeners.add(listen);
  return () => queryListeners.delete(listen);
}

/** The statements `run` sends, in order, with their parameters: for query plans in scripts. */
export async function recordQueries(run: () => Promise<unknown>): Promise<Array<{ query: string; params: unknown[] }>> {
  const recorded: Array<{ query: string; params: unknown[] }> = [];
  const stop = watchQueries((query, params) => recorded.push({ query, params }));
  try {
    await run();
  } finally {
    stop();
  }
  return recorded;
}

/**
 * PostgreSQL's plan for a statement, run for real (EXPLAIN ANALYZE), one line per element, after
 * the `set local` statements its own transaction made.
 */
export async function explainQuery(query: string, params: unknown[], settings: string[] = []): Promise<string[]> {
  return connection().explain(query, params, settings);
}
