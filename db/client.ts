import "server-only";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
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
  db: Database;
  driver: DatabaseDriver;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  explain: (query: string, params: unknown[], settings: string[]) => Promise<string[]>;
};

type QueryListener = (query: string, params: unknown[]) => void;
const queryListeners = new Set<QueryListener>();
// Drizzle tells the logger every statement it sends; listeners exist only while a script records.
const logger = { logQuery: (query: string, params: unknown[]) => queryListeners.forEach((listen) => listen(query, params)) };
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

function connectPostgres(url: string): Connection {
  const client = postgres(url, { max: 10, connect_timeout: CONNECT_TIMEOUT_SECONDS, backoff: reconnectDelaySeconds, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema, logger });
  return {
    db: db as unknown as Database,
    driver: "postgres",
    migrate: () => migratePostgres(db, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
    explain: (query, params, settings) =>
      client.begin(async (tx) => {
        for (const setting of settings) await tx.unsafe(setting);
        const plan = await tx.unsafe(EXPLAIN + query, params as postgres.ParameterOrJSON<never>[]);
        return plan.map((row) => String(Object.values(row)[0]));
      }) as Promise<string[]>,
  };
}

function connectPglite(directory: string): Connection {
  const inMemory = directory.startsWith("memory://");
  const unlock = inMemory ? () => {} : lockPgliteDirectory(directory);
  const client = new PGlite(inMemory ? directory : path.resolve(directory));
  const db = drizzlePglite(client, { schema, logger });
  return {
    db: db as unknown as Database,
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
    throw new Error(
      "The database was opened during `next build`. Reader pages must not query at build time.",
    );
  }
  globalForDatabase.newsroomDatabase ??= env.DATABASE_URL
    ? connectPostgres(env.DATABASE_URL)
    : connectPglite(env.PGLITE_DIR);
  return globalForDatabase.newsroomDatabase;
}

export function getDb(): Database {
  return connection().db;
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
