import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PGlite } from "@electric-sql/pglite";
import { asc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import postgres from "postgres";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import {
  runNewsroomChild,
  startNewsroomChild,
  type ChildEvent,
  type NewsroomChild,
} from "@/test/newsroom-child-process";
import { closeDatabase, databaseDriver, getDb, type Database } from "../client";
import { DatabaseInUseError, lockPgliteDirectory } from "../pglite-lock";
import * as schema from "../schema";
import { articleRevisions, articles, auditLog } from "../schema";

/**
 * A publish runs in a process of its own (test/newsroom-child.ts, the real data-access layer) and is
 * killed with SIGKILL after it has changed the story but before its transaction ends, as when the
 * server is killed mid-request. The story must come back entirely a draft; a publish left alone,
 * entirely published.
 */

const AUDIT_INSERT = 'insert into "audit_log"';
const ARTICLE_UPDATE = 'update "articles"';

/** Everything a publish touches, for one story. */
async function article(db: Database, id: string) {
  const [row] = await db
    .select({
      status: articles.status,
      publishedAt: articles.publishedAt,
      firstPublishedAt: articles.firstPublishedAt,
      version: articles.version,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .where(eq(articles.id, id));
  const audit = await db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.entityId, id))
    .orderBy(asc(auditLog.id));
  const revisions = await db
    .select({ version: articleRevisions.version })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, id))
    .orderBy(asc(articleRevisions.version));
  return {
    ...row,
    audit: audit.map((entry) => entry.action),
    revisions: revisions.map((revision) => revision.version),
  };
}

const draft = {
  status: "draft",
  publishedAt: null,
  firstPublishedAt: null,
  version: 1,
  audit: ["article.created"],
  revisions: [1],
};

function expectPublished(state: Awaited<ReturnType<typeof article>>) {
  expect(state).toMatchObject({
    status: "published",
    version: 2,
    audit: ["article.created", "article.published"],
    revisions: [1, 2],
  });
  expect(state.publishedAt).toBeInstanceOf(Date);
  expect(state.firstPublishedAt).toEqual(state.publishedAt);
}

async function prepare(env: Record<string, string>) {
  const events = await runNewsroomChild(["prepare"], env);
  const { editorId, drafts } = events.find((event) => "prepared" in event)!.prepared as {
    editorId: string;
    drafts: [string, string];
  };
  return { editorId, control: drafts[0], interrupted: drafts[1] };
}

const statementsSent = (events: ChildEvent[]) =>
  events.flatMap((event) => (typeof event.sending === "string" ? [event.sending] : []));

async function until<T>(what: string, check: () => Promise<T | undefined>, child?: NewsroomChild): Promise<T> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const found = await check();
    if (found !== undefined) return found;
    if (child && child.process.exitCode !== null)
      throw new Error(`the child ended before ${what}:\n${(await child.exited).stderr}`);
    await sleep(100);
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe.runIf(databaseDriver() === "postgres")("a publish killed mid-transaction on PostgreSQL", () => {
  afterAll(() => closeDatabase());

  it("leaves the story a draft in every part, while a publish left alone completes in every part", async () => {
    const { editorId, control, interrupted } = await prepare({});
    const before = await article(getDb(), interrupted);
    expect(before).toMatchObject(draft);

    await runNewsroomChild(["publish", control], { EDITOR_ID: editorId });
    expectPublished(await article(getDb(), control));

    const observer = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
    let publisherPid = 0;
    try {
      // The audit entry is the publish's last write: holding the table makes it stop just before.
      await observer.begin(async (holder) => {
        await holder`lock table audit_log in share mode`;
        const child = startNewsroomChild(["publish", interrupted], { EDITOR_ID: editorId });
        // Never left behind holding a transaction, whatever fails below.
        onTestFinished(() => {
          child.process.kill("SIGKILL");
        });
        publisherPid = await until(
          "the publish waits for the audit log",
          async () => {
            const [blocked] = await observer<{ pid: number }[]>`
              select pid from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock' and query like ${`${AUDIT_INSERT}%`}`;
            return blocked?.pid;
          },
          child,
        );
        // Mid-transaction: the story is already changed (its row is locked by the update) but not committed.
        expect(statementsSent(child.events).some((statement) => statement.startsWith(ARTICLE_UPDATE))).toBe(true);
        await expect(
          observer`select 1 from articles where id = ${interrupted} for update nowait`,
        ).rejects.toMatchObject({ code: "55P03" });

        child.process.kill("SIGKILL");
        expect(await child.exited).toMatchObject({ signal: "SIGKILL" });
      });
      // With the lock gone the orphaned statement finishes, finds its client gone and rolls back.
      await until("the killed publisher's session ends", async () => {
        const [session] = await observer`select 1 from pg_stat_activity where pid = ${publisherPid}`;
        return session ? undefined : true;
      });
    } finally {
      await observer.end();
    }

    expect(await article(getDb(), interrupted)).toEqual(before);
  }, 240_000);
});

describe.runIf(databaseDriver() === "pglite")("a publish killed mid-transaction on PGlite", () => {
  async function withDirectory<T>(directory: string, read: (db: Database) => Promise<T>): Promise<T> {
    const unlock = lockPgliteDirectory(directory);
    const client = new PGlite(directory);
    try {
      return await read(drizzle(client, { schema }) as unknown as Database);
    } finally {
      await client.close();
      unlock();
    }
  }

  // Slow: a dozen seconds waiting for the dead process's lock to go stale, and three processes that
  // each open PGlite, which takes seconds on a busy machine.
  it("leaves the story a draft in every part once the directory is opened again, while a publish left alone completes", async () => {
    const directory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-interrupted-")), "pglite");
    const env = { DATABASE_URL: "", PGLITE_DIR: directory };
    try {
      const { editorId, control, interrupted } = await prepare(env);
      await runNewsroomChild(["publish", control], { ...env, EDITOR_ID: editorId });

      // PGlite lives inside the process, so nothing outside can pause it: the child kills itself as
      // it is about to write the audit entry, after the story's update has run in the transaction.
      const child = startNewsroomChild(["publish", interrupted], {
        ...env,
        EDITOR_ID: editorId,
        DIE_BEFORE: AUDIT_INSERT,
      });
      expect(await child.exited).toMatchObject({ signal: "SIGKILL" });
      const sent = statementsSent(child.events);
      // The audit entry is the publish's last write; the story's update ran before it, in the same transaction.
      expect(sent.at(-1)).toMatch(new RegExp(`^${AUDIT_INSERT}`));
      expect(sent.slice(0, -1).some((statement) => statement.startsWith(ARTICLE_UPDATE))).toBe(true);

      // The dead process's lock still looks held, so a second process is refused, until it goes stale.
      expect(() => lockPgliteDirectory(directory)).toThrow(DatabaseInUseError);
      await until("the dead process's lock goes stale", async () => {
        try {
          lockPgliteDirectory(directory)();
          return true;
        } catch (error) {
          if (error instanceof DatabaseInUseError) return undefined;
          throw error;
        }
      });

      const [controlAfter, interruptedAfter] = await withDirectory(directory, async (db) => [
        await article(db, control),
        await article(db, interrupted),
      ]);
      expectPublished(controlAfter!);
      // Untouched: its updated_at is still its creation time, before the other story's publish.
      expect(interruptedAfter).toMatchObject(draft);
      expect(interruptedAfter!.updatedAt!.getTime()).toBeLessThan(controlAfter!.updatedAt!.getTime());
    } finally {
      fs.rmSync(path.dirname(directory), { recursive: true, force: true });
    }
  }, 240_000);
});
