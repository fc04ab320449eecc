import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "@/test/free-port";
import { nginxUnavailable, startMicroCache, type MicroCache } from "./run-micro-cache";

const CACHE_CONTROL: Record<string, string> = {
  "/": "public, s-maxage=60, stale-while-revalidate=600",
  // Expires after a second, so that the test need not wait a minute for a stale copy.
  "/briefly-fresh": "public, s-maxage=1",
  "/briefly-fresh-then-failing": "public, s-maxage=1",
  "/admin": "private, no-store",
  "/search": "private, no-cache, no-store, max-age=0, must-revalidate",
};
// Answered with no Cache-Control at all.
const SAYS_NOTHING = "/says-nothing-about-caching";

// What Next sends with a page it failed to render.
const ERROR_CACHE_CONTROL = "private, no-cache, no-store, max-age=0, must-revalidate";

/**
 * An app stand-in that counts the requests reaching it, and the body bytes they brought, and
 * numbers its answers. A path put in `failing` answers 500, as a page does whose database is down.
 */
function startUpstream(port: number) {
  const hits = new Map<string, number>();
  const bodyBytes = new Map<string, number>();
  const failing = new Set<string>();
  const server = http.createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://upstream").pathname;
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    let received = 0;
    for await (const chunk of request) received += (chunk as Buffer).byteLength;
    bodyBytes.set(path, received);
    if (failing.has(path)) {
      response.writeHead(500, { "Content-Type": "text/plain", "Cache-Control": ERROR_CACHE_CONTROL });
      response.end(`${request.method} ${path} failed`);
      return;
    }
    const cacheControl = path === SAYS_NOTHING ? {} : { "Cache-Control": CACHE_CONTROL[path] ?? CACHE_CONTROL["/"]! };
    response.writeHead(200, { "Content-Type": "text/plain", ...cacheControl });
    response.end(`${request.method} ${path} answer ${count}`);
  });
  type Upstream = {
    server: http.Server;
    hits: (path: string) => number;
    lastBodyBytes: (path: string) => number | undefined;
    failing: Set<string>;
  };
  return new Promise<Upstream>((resolve) => {
    server.listen(port, "127.0.0.1", () =>
      resolve({ server, hits: (path) => hits.get(path) ?? 0, lastBodyBytes: (path) => bodyBytes.get(path), failing }),
    );
  });
}

async function get(cache: MicroCache, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(cache.url + path, { headers, redirect: "manual" });
  return {
    status: response.status,
    cacheStatus: response.headers.get("x-cache-status"),
    retryAfter: response.headers.get("retry-after"),
    cacheControl: response.headers.get("cache-control"),
    body: await response.text(),
  };
}

const MEGABYTE = 1024 * 1024;

const UNAVAILABLE = {
  status: 503,
  retryAfter: "30",
  cacheControl: "no-store",
  body: expect.stringContaining("This page is temporarily unavailable"),
};

const unavailable = nginxUnavailable();
const title = "the nginx micro-cache (deploy/nginx/micro-cache.conf)";

describe.skipIf(unavailable !== null)(unavailable ? `${title} (skipped: ${unavailable})` : title, () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let cache: MicroCache;

  beforeAll(async () => {
    upstream = await startUpstream(await findFreePort());
    cache = await startMicroCache({ upstreamPorts: [(upstream.server.address() as AddressInfo).port] });
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

  it("keeps a page for a second or two, however long the app allows, so a publish shows through it at once", async () => {
    expect(await get(cache, "/moving")).toMatchObject({ cacheStatus: "MISS", body: "GET /moving answer 1" });
    expect(await get(cache, "/moving")).toMatchObject({ cacheStatus: "HIT", body: "GET /moving answer 1" });
    // nginx counts in whole seconds: "one second" ends at the second tick of its clock.
    await sleep(2_100);
    // The reader who finds it expired still gets the last copy at once, while nginx fetches the new one.
    expect(await get(cache, "/moving")).toMatchObject({ status: 200, body: "GET /moving answer 1" });
    await expect.poll(() => upstream.hits("/moving")).toBe(2);
    expect(await get(cache, "/moving")).toMatchObject({ cacheStatus: "HIT", body: "GET /moving answer 2" });
  });

  it("stores nothing the app marks private or no-store, or says nothing about", async () => {
    for (const path of ["/search", SAYS_NOTHING]) {
      for (let round = 1; round <= 2; round++)
        expect(await get(cache, path)).toMatchObject({ body: `GET ${path} answer ${round}` });
    }
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
    await get(cache, "/posted-to");
    const response = await fetch(cache.url + "/posted-to", {
      method: "POST",
      headers: { "Next-Action": "abc" },
      body: "[]",
    });
    expect(await response.text()).toBe("POST /posted-to answer 2");
  });

  it("passes a 5 MB photo upload to the app whole, and every upload, never from the cache", async () => {
    for (let round = 1; round <= 2; round++) {
      const response = await fetch(cache.url + "/api/photos", {
        method: "POST",
        headers: { "Content-Type": "image/jpeg" },
        body: new Uint8Array(5 * MEGABYTE),
      });
      expect({ status: response.status, body: await response.text() }).toEqual({
        status: 200,
        body: `POST /api/photos answer ${round}`,
      });
      expect(upstream.lastBodyBytes("/api/photos")).toBe(5 * MEGABYTE);
    }
  });

  it("refuses a photo over 26 MB itself, before the app reads it", async () => {
    const response = await fetch(cache.url + "/api/photos?too-large", {
      method: "POST",
      body: new Uint8Array(27 * MEGABYTE),
    });
    expect(response.status).toBe(413);
    expect(upstream.hits("/api/photos")).toBe(2);
  });

  it("refuses a 5 MB body anywhere else itself, with 413: stories and server actions are at most 2 MB", async () => {
    for (const path of ["/admin/photos", "/login", "/api/articles/some-story"]) {
      const response = await fetch(cache.url + path, {
        method: "POST",
        headers: { "Next-Action": "abc" },
        body: new Uint8Array(5 * MEGABYTE),
      });
      expect(response.status, path).toBe(413);
      expect(upstream.hits(path), path).toBe(0);
    }
    const article = await fetch(cache.url + "/api/articles/some-story", {
      method: "PUT",
      body: new Uint8Array(2 * MEGABYTE - 4096),
    });
    expect(article.status, "a story's largest body still passes").toBe(200);
  });

  it("answers a reader 503 with Retry-After and its own page when the app fails to render a page it has no copy of", async () => {
    upstream.failing.add("/never-rendered");
    expect(await get(cache, "/never-rendered")).toMatchObject(UNAVAILABLE);
    expect(await get(cache, "/never-rendered", { Accept: "text/html" })).toMatchObject(UNAVAILABLE);
  });

  it("passes the app's own error through for the staff area, the API, signed-in staff and POSTs", async () => {
    for (const path of ["/admin/broken", "/api/broken"]) {
      upstream.failing.add(path);
      expect(await get(cache, path)).toMatchObject({ status: 500, body: `GET ${path} failed` });
    }
    upstream.failing.add("/broken-for-staff");
    expect(await get(cache, "/broken-for-staff", { Cookie: "authjs.session-token=abc" })).toMatchObject({
      status: 500,
      body: "GET /broken-for-staff failed",
    });
    const action = await fetch(cache.url + "/broken-for-staff", { method: "POST", body: "[]" });
    expect({ status: action.status, body: await action.text() }).toEqual({
      status: 500,
      body: "POST /broken-for-staff failed",
    });
  });

  it("serves the last good copy of an expired page when the app fails to render it again", async () => {
    expect(await get(cache, "/briefly-fresh-then-failing")).toMatchObject({
      cacheStatus: "MISS",
      body: "GET /briefly-fresh-then-failing answer 1",
    });
    await sleep(2_100);
    upstream.failing.add("/briefly-fresh-then-failing");
    expect(await get(cache, "/briefly-fresh-then-failing")).toMatchObject({
      status: 200,
      cacheStatus: "STALE",
      body: "GET /briefly-fresh-then-failing answer 1",
    });
  }, 15_000);

  it("serves the last good copy of an expired page while the app is down", async () => {
    expect(await get(cache, "/briefly-fresh")).toMatchObject({
      cacheStatus: "MISS",
      body: "GET /briefly-fresh answer 1",
    });
    await sleep(2_100);
    upstream.server.closeAllConnections();
    await new Promise((resolve) => upstream.server.close(resolve));

    const stale = await get(cache, "/briefly-fresh");
    expect(stale).toMatchObject({ status: 200, body: "GET /briefly-fresh answer 1" });
    expect(stale.cacheStatus).toBe("STALE");
    expect(await get(cache, "/never-cached"), "a page with no copy while the app is down").toMatchObject(UNAVAILABLE);
  }, 15_000);
});
