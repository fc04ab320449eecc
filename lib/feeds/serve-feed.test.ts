import { beforeEach, describe, expect, it, vi } from "vitest";
import { listFeedArticles } from "@/db/queries/feeds";
import { readerTags } from "@/lib/cache-tags";
import { site } from "@/lib/site";
import { siteChannel, type FeedArticle } from "./build-feeds";
import { serveFeed } from "./serve-feed";

// The shared cache as a server sees it: one value per key until the test changes it, as a tag would.
const shared = vi.hoisted(() => new Map<string, unknown>());
vi.mock("@/lib/reader-cache", () => ({
  cachedForReaders:
    (name: string, load: (...args: unknown[]) => Promise<unknown>) =>
    async (...args: unknown[]) => {
      const key = `${name}:${JSON.stringify(args)}`;
      if (!shared.has(key)) shared.set(key, await load(...args));
      return shared.get(key);
    },
}));
vi.mock("@/db/queries/feeds", () => ({ listFeedArticles: vi.fn() }));

const story = (headline: string): FeedArticle => ({
  id: "5b4d9a1e-2f4c-4c1e-9d0a-7f3e2b1c0a99",
  slug: "ceasefire-talks-resume",
  headline,
  dek: "Delegations return to the border town.",
  feedBody: null,
  publishedAt: new Date("2026-12-01T08:00:00Z"),
  updatedAt: new Date("2026-12-01T08:00:00Z"),
  section: { slug: "conflicts", name: "Conflicts" },
  authors: [{ slug: "ines-calloway", name: "Ines Calloway" }],
  tags: [],
  leadPhoto: null,
});

const feed = {
  format: "rss",
  channel: siteChannel(site, "/rss.xml"),
  scope: { kind: "site" },
  madeOf: readerTags.feeds,
} as const;
const poll = (headers: HeadersInit = {}) =>
  serveFeed(new Request("https://meridian.example/rss.xml", { headers }), feed);

describe("serving a feed to its subscribers", () => {
  beforeEach(() => {
    shared.clear();
    vi.mocked(listFeedArticles)
      .mockReset()
      .mockResolvedValue([story("Ceasefire talks resume")]);
  });

  it("builds an unchanged feed once, however many readers poll it", async () => {
    const first = await poll();
    const body = await first.text();
    expect(body).toContain("Ceasefire talks resume");
    for (let reader = 0; reader < 5; reader += 1) {
      const again = await poll();
      expect(again.headers.get("ETag")).toBe(first.headers.get("ETag"));
      expect(await again.text()).toBe(body);
    }
    expect(await poll({ "If-None-Match": first.headers.get("ETag")! }).then((response) => response.status)).toBe(304);
    expect(listFeedArticles).toHaveBeenCalledTimes(1);
  });

  it("builds the feed itself when the shared cache names a version another server built", async () => {
    await poll();
    const [key, version] = [...shared].at(0)!;
    shared.set(key, { ...(version as object), etag: '"built-by-another-server"' });
    vi.mocked(listFeedArticles).mockResolvedValue([story("Ceasefire talks collapse")]);
    const response = await poll();
    expect(await response.text()).toContain("Ceasefire talks collapse");
    expect(response.headers.get("ETag")).not.toBe('"built-by-another-server"');
    expect(listFeedArticles).toHaveBeenCalledTimes(2);
  });
});
