import { describe, expect, it } from "vitest";
import { createLocalPageCache, entrySize } from "./local-page-cache.mjs";

/** A cached page as Next hands it over: its HTML, its RSC payload and its segments' payloads. */
function page(html: string, tags: string[] = [], lastModified = Date.now()) {
  return {
    lastModified,
    lifespan: null,
    tags,
    value: {
      kind: "APP_PAGE",
      html,
      rscData: Buffer.from(html),
      segmentData: new Map([["/_tree", Buffer.alloc(100)]]),
      headers: { "x-next-cache-tags": tags.join(",") },
      postponed: undefined,
      status: 200,
    },
  };
}

const noImplicitTags = { implicitTags: [] as string[] };

describe("one server's own page cache", () => {
  it("counts a page by the bytes it holds, not by its JSON", () => {
    const entry = page("<p>".repeat(10_000));
    const bytes = entrySize(entry.value);
    expect(bytes).toBeGreaterThanOrEqual(60_100);
    expect(bytes).toBeLessThan(61_000);
    expect(JSON.stringify(entry.value).length, "JSON writes each RSC byte as two to four characters").toBeGreaterThan(
      2 * bytes,
    );
  });

  it("lets the least recently read pages go when the bytes run out", async () => {
    const cache = createLocalPageCache({ maxEntries: 100, maxBytes: 350_000 });
    for (const path of ["/a", "/b", "/c"]) await cache.set(path, page("x".repeat(50_000)) as never, {} as never);
    await cache.get("/a", noImplicitTags as never);
    await cache.set("/d", page("x".repeat(50_000)) as never, {} as never);
    expect(await cache.get("/b", noImplicitTags as never)).toBeNull();
    for (const kept of ["/a", "/c", "/d"]) expect(await cache.get(kept, noImplicitTags as never)).not.toBeNull();
  });

  it("drops what a tag expires, and what a path expired after it was cached", async () => {
    const cache = createLocalPageCache({ maxEntries: 100, maxBytes: 10_000_000 });
    await cache.set("/articles/talks", page("talks", ["story:1"], Date.now() - 1_000) as never, {} as never);
    await cache.set(
      "/category/conflicts",
      page("list", ["section:conflicts"], Date.now() - 1_000) as never,
      {} as never,
    );
    await cache.revalidateTag("story:1");
    expect(await cache.get("/articles/talks", noImplicitTags as never)).toBeNull();
    await cache.revalidateTag("_N_T_/category/conflicts");
    expect(await cache.get("/category/conflicts", { implicitTags: ["_N_T_/category/conflicts"] } as never)).toBeNull();
  });
});
