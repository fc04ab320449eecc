import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { createClient } from "@redis/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "@/test/free-port";
import { createLocalPageCache } from "./local-page-cache.mjs";
import { redisWithLocalFallback } from "./redis-with-local-fallback.mjs";

/**
 * Two app servers' caches, as lib/shared-cache/cache-handler.mjs builds them, on one real Redis
 * that the tests stop and resume under them.
 */

const REDIS_SERVER = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((file) => fs.existsSync(file));
const quiet = { warn: () => {} };

type Server = ReturnType<typeof redisWithLocalFallback> & { disconnect: () => Promise<void> };

function connectTo(url: string, prefix: string) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    pingInterval: 200,
    socket: { connectTimeout: 500, reconnectStrategy: () => 100 },
  });
  client.on("error", () => {});
  const redis = createRedisHandler({ client, keyPrefix: prefix, timeoutMs: 500, keyExpirationStrategy: "EXAT" });
  return { client, redis, connected: client.connect() };
}

const createLocal = () => createLocalPageCache({ maxEntries: 100, maxBytes: 10_000_000 });

async function serverCache(url: string, prefix: string): Promise<Server> {
  const link = connectTo(url, prefix);
  const cache = redisWithLocalFallback(() => link, createLocal, { log: quiet });
  await cache.connected;
  return Object.assign(cache, { disconnect: async () => link.client.destroy() });
}

async function untilRedisAnswers(url: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const client = createClient({ url, socket: { reconnectStrategy: false } }).on("error", () => {});
    if (
      await client.connect().then(
        () => true,
        () => false,
      )
    )
      return void client.destroy();
    await sleep(100);
  }
  throw new Error(`Redis at ${url} did not start`);
}

const page = (html: string, tags: string[]) => ({
  lastModified: Date.now(),
  lifespan: null,
  tags,
  value: { kind: "APP_ROUTE" as const, body: Buffer.from(html), status: 200, headers: {} },
});

async function bodyOf(server: Server, key: string) {
  const entry = await server.get(key, { implicitTags: [] });
  return entry ? Buffer.from((entry.value as { body: Buffer }).body).toString() : null;
}

describe.skipIf(!REDIS_SERVER)("the shared cache on two servers", () => {
  let redisProcess: ChildProcess;
  let a: Server;
  let b: Server;
  let url: string;
  let prefix: string;

  beforeAll(async () => {
    const port = await findFreePort({ first: 6500, last: 6599 });
    redisProcess = spawn(
      REDIS_SERVER!,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    url = `redis://127.0.0.1:${port}`;
    await untilRedisAnswers(url);
    prefix = `test-${port}:`;
    [a, b] = await Promise.all([serverCache(url, prefix), serverCache(url, prefix)]);
  });

  afterAll(async () => {
    await Promise.all([a?.disconnect(), b?.disconnect()]);
    if (redisProcess && redisProcess.exitCode === null && redisProcess.signalCode === null) {
      redisProcess.kill("SIGKILL");
      await once(redisProcess, "exit");
    }
  });

  it("serves a page one server rendered from the other, and a tag expired on one is expired on both", async () => {
    await a.set("/category/world", page("world, first edition", ["_N_T_/(site)/category/[slug]/layout"]), {});
    expect(await bodyOf(b, "/category/world")).toBe("world, first edition");

    await a.revalidateTag("_N_T_/(site)/category/[slug]/layout");
    expect(await bodyOf(b, "/category/world")).toBeNull();
    expect(await bodyOf(a, "/category/world")).toBeNull();
  });

  it("keeps serving from the server's own memory while Redis hangs, and tells Redis what it expired once Redis answers again", async () => {
    await a.set("/articles/dawn-crossing", page("the crossing, as first reported", ["story:dawn-crossing"]), {});
    expect(await bodyOf(b, "/articles/dawn-crossing")).toBe("the crossing, as first reported");

    redisProcess.kill("SIGSTOP");
    try {
      const started = performance.now();
      await a.set("/articles/local-only", page("written during the outage", []), {});
      expect(await bodyOf(a, "/articles/local-only"), "a page stored during the outage is served from memory").toBe(
        "written during the outage",
      );
      expect(performance.now() - started, "a hung Redis costs at most one short wait").toBeLessThan(3_000);
      await a.revalidateTag("story:dawn-crossing");
    } finally {
      redisProcess.kill("SIGCONT");
    }

    // Server A sends the missed expiry before it reads Redis again; B then no longer has the old story.
    await expect.poll(() => bodyOf(b, "/articles/dawn-crossing"), { timeout: 10_000 }).toBeNull();
    // And A reads Redis again, not its own copy: B's newer page is what A serves.
    await b.set("/articles/local-only", page("B's later copy", []), {});
    await expect.poll(() => bodyOf(a, "/articles/local-only"), { timeout: 10_000 }).toBe("B's later copy");
  }, 30_000);

  it("replaces a connection that never becomes ready, and then shares pages through Redis again", async () => {
    await a.set("/category/politics", page("politics, shared", []), {});
    const links = [
      { client: { isReady: false, destroy: () => {} }, redis: createLocal(), connected: Promise.resolve() },
      connectTo(url, prefix),
    ];
    let opened = 0;
    const restarted = redisWithLocalFallback(() => links[opened++]!, createLocal, {
      log: quiet,
      replaceConnectionAfterMs: 300,
    });
    expect(
      await bodyOf(restarted as Server, "/category/politics"),
      "nothing while the first connection hangs",
    ).toBeNull();
    await expect
      .poll(() => bodyOf(restarted as Server, "/category/politics"), { timeout: 10_000 })
      .toBe("politics, shared");
    expect(opened).toBe(2);
    links[1]!.client.destroy();
  });

  it("serves locally when Redis is gone altogether, without waiting on it", async () => {
    redisProcess.kill("SIGKILL");
    await once(redisProcess, "exit");
    await sleep(500);
    const started = performance.now();
    await b.set("/front-page/today", page("front page without Redis", []), {});
    expect(await bodyOf(b, "/front-page/today")).toBe("front page without Redis");
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
