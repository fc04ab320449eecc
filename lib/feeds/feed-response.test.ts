import { describe, expect, it } from "vitest";
import { feedEntityTag, feedResponse } from "./feed-response";

const text = `<rss>${"<item>Ceasefire talks resume</item>".repeat(200)}</rss>`;
const body = new TextEncoder().encode(text);
const feed = {
  format: "rss" as const,
  body,
  etag: feedEntityTag(body),
  lastModified: new Date("2023-12-01T00:00:00.750Z"),
};
const poll = (headers: HeadersInit) => feedResponse(new Request("https://meridian.example/rss.xml", { headers }), feed);

describe("answering a feed reader's poll", () => {
  it("sends the feed with a strong ETag and a Last-Modified in whole seconds", async () => {
    const response = poll({});
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(response.headers.get("ETag")).toBe(feedEntityTag(body));
    expect(response.headers.get("Last-Modified")).toBe("Fri, 01 Dec 2023 00:00:00 GMT");
    expect(await response.text()).toBe(text);
  });

  it("answers 304 to a copy it still holds, by ETag (weak or strong, or *) or by date", () => {
    const etag = poll({}).headers.get("ETag") ?? "";
    for (const headers of [
      { "If-None-Match": etag },
      { "If-None-Match": `"x", W/${etag}` },
      { "If-None-Match": "*" },
    ]) {
      expect(poll(headers).status).toBe(304);
    }
    expect(poll({ "If-Modified-Since": "Fri, 01 Dec 2023 00:00:00 GMT" }).status).toBe(304);
    expect(poll({ "If-Modified-Since": "Sat, 02 Dec 2023 00:00:00 GMT" }).status).toBe(304);
  });

  it("sends the feed again to an older copy, an unreadable date, or a different ETag even with a current date", () => {
    expect(poll({ "If-Modified-Since": "Thu, 30 Nov 2023 23:59:59 GMT" }).status).toBe(200);
    expect(poll({ "If-Modified-Since": "last tuesday" }).status).toBe(200);
    expect(poll({ "If-None-Match": '"older"', "If-Modified-Since": "Sat, 02 Dec 2023 00:00:00 GMT" }).status).toBe(200);
  });
});
