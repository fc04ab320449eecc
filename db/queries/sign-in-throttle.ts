import "server-only";
import { eq, inArray, lt, sql } from "drizzle-orm";
import {
  FORGET_AFTER_SECONDS,
  judgeAttempt,
  secondsUntil,
  withoutSucceededAttempt,
  type SignInScopes,
  type ThrottleCounter,
} from "@/lib/auth/sign-in-throttle";
import { getDb } from "../client";
import { signInAttempts } from "../schema";
import type { Transaction } from "./staff";

/*
 * Counted here rather than with rate-limiter-flexible (11.4). Its Postgres store, and the
 * ExpressBruteFlexible wrapper that gives growing waits, speak only node-postgres's `query()` (or
 * Knex/Sequelize/TypeORM): postgres.js and PGlite would each need a shim posing as `pg`. Its Drizzle
 * store runs on both our drivers with an atomic upsert, but counts only within a fixed window, so
 * growing waits would take a second limiter counting lockouts; it loads drizzle-orm by a computed
 * `import()` that Next's bundler cannot follow; and its login recipe checks the counts before the
 * password and adds the failure after, which lets a burst of parallel guesses all pass the free
 * tries. One table, an advisory lock per scope and a pure policy (lib/auth/sign-in-throttle.ts) do
 * it all on both drivers.
 */

// A key space of its own for pg_advisory_xact_lock(int, int), apart from the one-number locks elsewhere.
const SIGN_IN_LOCKS = 7_461_002;

/**
 * Serialises attempts on the same scopes across every app server, in one order (sorted) so two
 * attempts never wait on each other. Advisory locks need no row, so a first attempt is covered too.
 */
async function lockScopes(tx: Transaction, keys: string[]) {
  for (const key of [...keys].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(${SIGN_IN_LOCKS}, hashtext(${key}))`);
  }
}

async function readCounters(tx: Transaction, keys: string[]): Promise<Map<string, ThrottleCounter>> {
  const rows = await tx.select().from(signInAttempts).where(inArray(signInAttempts.scope, keys));
  return new Map(rows.map(({ scope, ...counter }) => [scope, counter]));
}

async function saveCounter(tx: Transaction, key: string, counter: ThrottleCounter) {
  await tx
    .insert(signInAttempts)
    .values({ scope: key, ...counter })
    .onConflictDoUpdate({ target: signInAttempts.scope, set: counter });
}

/** Rows no rule counts any more; SKIP LOCKED so tidying never waits on a sign-in in progress. */
async function forgetOldAttempts(now: Date) {
  const cutoff = new Date(now.getTime() - FORGET_AFTER_SECONDS * 1000);
  const old = getDb()
    .select({ scope: signInAttempts.scope })
    .from(signInAttempts)
    .where(lt(signInAttempts.lastFailureAt, cutoff))
    .limit(100)
    .for("update", { skipLocked: true });
  await getDb().delete(signInAttempts).where(inArray(signInAttempts.scope, old));
}

export type SignInAdmission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * Counts this attempt as a failure against each of its scopes before its password is checked, or
 * against none when one of them is waiting: an attempt refused unheard costs nobody else's budget.
 * A success is handed back by recordSuccessfulSignIn.
 */
export async function admitSignInAttempt(scopes: SignInScopes, now = new Date()): Promise<SignInAdmission> {
  const list = Object.values(scopes);
  const keys = list.map((scope) => scope.key);
  const admission = await getDb().transaction(async (tx): Promise<SignInAdmission> => {
    await lockScopes(tx, keys);
    const stored = await readCounters(tx, keys);
    const verdicts = list.map(({ key, rule }) => ({ key, verdict: judgeAttempt(stored.get(key), rule, now) }));
    const waits = verdicts.flatMap(({ verdict }) => (verdict.admitted ? [] : [verdict.lockedUntil.getTime()]));
    if (waits.length > 0)
      return { admitted: false, retryAfterSeconds: secondsUntil(new Date(Math.max(...waits)), now) };
    for (const { key, verdict } of verdicts) if (verdict.admitted) await saveCounter(tx, key, verdict.counter);
    return { admitted: true };
  });
  await forgetOldAttempts(now);
  return admission;
}

/**
 * A success clears the counts that were this sign-in's alone (the account at this address, or this
 * device) and takes its attempt back from the ones it shares with others (the account, the address).
 */
export async function recordSuccessfulSignIn(scopes: SignInScopes): Promise<void> {
  const list = Object.values(scopes);
  await getDb().transaction(async (tx) => {
    await lockScopes(
      tx,
      list.map((scope) => scope.key),
    );
    const stored = await readCounters(
      tx,
      list.map((scope) => scope.key),
    );
    for (const { key, rule } of list) {
      const counter = stored.get(key);
      if (!counter) continue;
      if (rule.afterSuccess === "forget") await tx.delete(signInAttempts).where(eq(signInAttempts.scope, key));
      else await saveCounter(tx, key, withoutSucceededAttempt(counter, rule));
    }
  });
}
