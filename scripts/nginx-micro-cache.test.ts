import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "./bench/free-port";
import { startMicroCache, type MicroCache } from "./nginx-micro-cache";

const CACHE_CONTROL: Record<string, string> = {
  "/": "public, s-maxage=60, stale-while-revalidate=600",
  // Expires after a second, so that the test need not wait a minute for a stale copy.
  "/briefly-fresh": "public, s-maxage=1",
  "/admin": "private, no-store",
};

/** An app stand-in that counts the requests reaching it and numbers its answers. */
function startUpstream(port: number) {
  const hits = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://upstream").pathname;
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    response.writeHead(200, { "Content-Type": "text/plain", "Cache-Control": CACHE_CONTROL[path] ?? CACHE_CONTROL["/"]! });
    response.end(`${request.method} ${path} answer ${count}`);
  });
  return new Promise<{ server: http.Server; hits: (path: string) => number }>((resolve) => {
    server.listen(port, "127.0.0.1", () => resolve({ server, hits: (path) => hits.get(path) ?? 0 }));
  });
}

async function get(cache: MicroCache, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(cache.url + path, { headers, redirect: "manual" });
  return { status: response.status, cacheStatus: response.headers.get("x-cache-status"), body: await response.text() };
}

describe("the nginx micro-cache (deploy/nginx/micro-cache.conf)", () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let cache: MicroCache;

  beforeAll(async () => {
    upstream = await startUpstream(await findFreePort());
    cache = await startMicroCache({ upstreamPort: (upstream.server.address() as AddressInfo).port });
  });

  afterAll(async () => {
    await cache?.stop();
    upstream?.server.closeAllConnections();
    upstream?.server.close();
  });

  it("answers a second request for a public page from the cache, without asking the app", async () => {
    expect(await get(cache, "/")).toMatchObject({ cacheStatus: "MISS", body: "GET / answer 1" });
    expect(await get(cache, "/")).toMatchObject({ cacheStatus: "HIT", body: "GET / answer 1" });
    expect(upstream.hits("/")).toBe(1);
  });

  it("sends every request for the staff area to the app", async () => {
    for (let round = 1; round <= 3; round++) {
      expect(await get(cache, "/admin")).toMatchObject({ cacheStatus: "BYPASS", body: `GET /admin answer ${round}` });
    }
    expect(upstream.hits("/admin")).toBe(3);
  });

  it("sends a signed-in staff member past the cache and keeps their copy out of it", async () => {
    for (const cookie of ["authjs.session-token=abc", "theme=dark; __Secure-authjs.session-token.0=abc"]) {
      expect(await get(cache, "/staff-first", { Cookie: cookie })).toMatchObject({ cacheStatus: "BYPASS" });
    }
    expect(await get(cache, "/staff-first")).toMatchObject({ cacheStatus: "MISS", body: "GET /staff-first answer 3" });
  });

  it("sends server actions (POSTs) to the app", async () => {
    await get(cache, "/");
    const response = await fetch(cache.url + "/", { method: "POST", headers: { "Next-Action": "abc" }, body: "[]" });
    expect(await response.text()).toBe("POST / answer 2");
  });

  it("serves the last good copy of an expired page while the app is down", async () => {
    expect(await get(cache, "/briefly-fresh")).toMatchObject({ cacheStatus: "MISS", body: "GET /briefly-fresh answer 1" });
    await sleep(2_100);
    upstream.server.closeAllConnections();
    await new Promise((resolve) => upstream.server.close(resolve));

    const stale = await get(cache, "/briefly-fresh");
    expect(stale).toMatchObject({ status: 200, body: "GET /briefly-fresh answer 1" });
    expect(stale.cacheStatus).toBe("STALE");
  }, 15_000);
});
