import postgres from "postgres";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { runNewsroomChild, startNewsroomChild, type ChildEvent } from "@/test/newsroom-child-process";
import {
  createThrowawayPostgres,
  createThrowawayReplica,
  throwawayReplicaUnavailable,
  type ThrowawayPostgres,
} from "@/test/throwaway-postgres";
import { databaseDriver } from "../client";

/**
 * The real data-access layer, in child processes (test/newsroom-child.ts) given DATABASE_URL and
 * DATABASE_REPLICA_URL, against a throwaway primary and a hot standby streaming from it. Which
 * reads go where is shown by taking one server away, or by pausing the replica's replay.
 */

// Its own two clusters, so once is enough: in the PostgreSQL project only.
const unavailable =
  databaseDriver() === "postgres" ? throwawayReplicaUnavailable() : "it runs in the db:postgres project only";

const FERRY = "ferry-strike-ends-at-dawn";
const BRIDGE = "harbour-bridge-reopens-after-repairs";

let primary: ThrowawayPostgres | undefined;
let replica: ThrowawayPostgres | undefined;
let standby: postgres.Sql | undefined;
let env: Record<string, string>;
let drafts: { editorId: string; ferry: string; bridge: string };

const eventWith = (events: ChildEvent[], key: string) => events.find((event) => key in event);

async function until(what: string, check: () => Promise<boolean> | boolean) {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

/** Publishes a draft in a child that reads it as a reader before and after waiting for the replica. */
function publishAndReadAcrossTheWait(id: string) {
  return startNewsroomChild(["publish", id], { ...env, EDITOR_ID: drafts.editorId, AWAIT_REPLICA: "1" });
}

async function readEverything(slug: string) {
  const events = await runNewsroomChild(["read", drafts.ferry, slug], { ...env, EDITOR_ID: drafts.editorId });
  return eventWith(events, "reader")!;
}

// Takes effect before the next WAL record: nothing the primary commits from now on becomes visible.
const pauseReplay = () => standby!`select pg_wal_replay_pause()`;
const resumeReplay = () => standby!`select pg_wal_replay_resume()`;

describe.skipIf(unavailable !== null)(
  `reader queries with a read replica${unavailable ? ` (skipped: ${unavailable})` : ""}`,
  () => {
    beforeAll(async () => {
      primary = await createThrowawayPostgres({ replication: true });
      await primary.start();
      replica = await createThrowawayReplica(primary);
      standby = postgres(replica.url, { max: 1, onnotice: () => {} });
      env = { DATABASE_URL: primary.url, DATABASE_REPLICA_URL: replica.url };
      const prepared = eventWith(await runNewsroomChild(["prepare"], env), "prepared")!.prepared as {
        editorId: string;
        drafts: [string, string];
      };
      drafts = { editorId: prepared.editorId, ferry: prepared.drafts[0], bridge: prepared.drafts[1] };
    }, 240_000);

    afterAll(async () => {
      await standby?.end();
      await replica?.remove();
      await primary?.remove();
    });

    it("does not show readers a story the replica has not replayed, and shows it once waitForReplicaToCatchUp returns", async () => {
      await pauseReplay();
      onTestFinished(() => resumeReplay().then(() => {}));
      const child = publishAndReadAcrossTheWait(drafts.ferry);
      onTestFinished(() => {
        child.process.kill("SIGKILL");
      });
      // Published on the primary, yet not on the reader's page: the reader's query went to the replica.
      await until(
        "the child has read the story before waiting",
        () => eventWith(child.events, "beforeWait") !== undefined || child.process.exitCode !== null,
      );
      expect(eventWith(child.events, "beforeWait")).toEqual({ beforeWait: null });
      await resumeReplay();

      const { code, stderr } = await child.exited;
      expect(code, stderr).toBe(0);
      expect(eventWith(child.events, "published")).toMatchObject({ published: { status: "published", slug: FERRY } });
      const after = eventWith(child.events, "afterWait")!;
      expect(after.afterWait).toBe(FERRY);
      expect(after.waitedMs).toBeLessThan(2_000);
      expect(stderr).not.toMatch(/replica/i);
    }, 240_000);

    it("gives up waiting after two seconds with a warning naming the lag, and the publish still succeeds, when the replica does not replay", async () => {
      await pauseReplay();
      onTestFinished(() => resumeReplay().then(() => {}));
      const child = publishAndReadAcrossTheWait(drafts.bridge);
      onTestFinished(() => {
        child.process.kill("SIGKILL");
      });

      const { code, stderr } = await child.exited;
      expect(code, stderr).toBe(0);
      expect(eventWith(child.events, "published")).toMatchObject({ published: { status: "published", slug: BRIDGE } });
      const after = eventWith(child.events, "afterWait")!;
      expect(after.afterWait).toBeNull();
      expect(after.waitedMs).toBeGreaterThanOrEqual(2_000);
      expect(after.waitedMs).toBeLessThan(5_000);
      expect(stderr).toMatch(/read replica is still \d+ bytes of WAL behind the primary after 2000 ms/);

      await resumeReplay();
      await until(
        "the replica replays the second story",
        async () => (await standby!`select 1 from articles where slug = ${BRIDGE} and status = 'published'`).length > 0,
      );
    }, 240_000);

    it("fails reader queries while the replica is down, while the newsroom's still work and the health check stays ok", async () => {
      await replica!.stop("fast");
      onTestFinished(() => replica!.start());

      expect(await readEverything(FERRY)).toMatchObject({
        reader: { latest: "failed", article: "failed", search: "failed" },
        newsroom: "published",
        health: { driver: "postgres", ok: true, replica: { ok: false } },
      });
    }, 240_000);

    it("answers reader queries from the replica while the primary is down, while the newsroom's fail", async () => {
      await primary!.stop("fast");
      onTestFinished(() => primary!.start());

      expect(await readEverything(FERRY)).toMatchObject({
        reader: { latest: [BRIDGE, FERRY], article: FERRY, search: [FERRY] },
        newsroom: "failed",
        health: { driver: "postgres", ok: false, replica: { ok: true } },
      });
    }, 240_000);
  },
);
