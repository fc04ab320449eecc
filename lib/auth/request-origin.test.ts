import { describe, expect, it, vi } from "vitest";
import { isCrossSiteRequest } from "./request-origin";

vi.mock("@/lib/site", () => ({ site: { url: "https://news.example/" } }));

// What `next start` puts in request.url: its own host name, whatever address the browser used.
const AS_NEXT_START_BUILDS_IT = "http://app-server-7:3000/api/photos";

function post(headers: Record<string, string>) {
  return new Request(AS_NEXT_START_BUILDS_IT, { method: "POST", headers });
}

describe("a cross-site request", () => {
  it("is not what a same-origin browser sends, though request.url names the server's own host", () => {
    expect(isCrossSiteRequest(post({ Host: "localhost:3000", Origin: "http://localhost:3000" }))).toBe(false);
  });

  it("is not what a browser sends through an HTTPS proxy that says so", () => {
    const request = post({
      Host: "staff.news.example",
      "X-Forwarded-Proto": "https",
      Origin: "https://staff.news.example",
    });
    expect(isCrossSiteRequest(request)).toBe(false);
  });

  it("is not a request from the site's own public address, whatever Host the proxy passed on", () => {
    expect(isCrossSiteRequest(post({ Host: "10.0.0.11:3000", Origin: "https://news.example" }))).toBe(false);
  });

  it("is not a request without an Origin, which browsers send on every cross-site write", () => {
    expect(isCrossSiteRequest(post({ Host: "localhost:3000" }))).toBe(false);
  });

  it("is one from another site", () => {
    expect(isCrossSiteRequest(post({ Host: "localhost:3000", Origin: "https://evil.example" }))).toBe(true);
  });

  it("is one from a sandboxed frame or opaque origin (Origin: null)", () => {
    expect(isCrossSiteRequest(post({ Host: "localhost:3000", Origin: "null" }))).toBe(true);
  });

  it("is one from a lookalike address that starts like ours", () => {
    expect(isCrossSiteRequest(post({ Host: "localhost:3000", Origin: "http://localhost:3000.evil.example" }))).toBe(
      true,
    );
    expect(isCrossSiteRequest(post({ Host: "localhost:3000", Origin: "https://news.example.evil.example" }))).toBe(
      true,
    );
  });

  it("is one whose scheme differs from the address the browser used", () => {
    expect(isCrossSiteRequest(post({ Host: "localhost:3000", Origin: "https://localhost:3000" }))).toBe(true);
  });

  it("is one from request.url's own host, which no browser used", () => {
    expect(isCrossSiteRequest(post({ Host: "localhost:3000", Origin: "http://app-server-7:3000" }))).toBe(true);
  });
});
