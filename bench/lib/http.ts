import http from "node:http";

// Readers' browsers ask for compression; measuring without it would skip work the server really does.
export const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br" };

export type TimedResponse = { ms: number; status: number; body: string; cache: string };

// Statuses for which nginx answered from its copy: the Next header in it is as old as the copy.
const FROM_NGINX_COPY = new Set(["HIT", "STALE", "UPDATING", "REVALIDATED"]);

/** What the caches on the way said about the response: nginx's micro-cache and Next's own. */
export function cacheHeader(headers: Headers): string {
  const nginx = headers.get("x-cache-status");
  const next = headers.get("x-nextjs-cache");
  if (nginx && (FROM_NGINX_COPY.has(nginx) || !next)) return `nginx ${nginx}`;
  return [nginx && `nginx ${nginx}`, next && `next ${next}`].filter(Boolean).join(", ");
}

/** One GET, timed from sending it to the last byte of the body. */
export async function timedGet(url: string): Promise<TimedResponse> {
  const started = performance.now();
  const response = await fetch(url, { headers: BROWSER_HEADERS, redirect: "manual" });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body, cache: cacheHeader(response.headers) };
}

export async function getText(url: string): Promise<string> {
  const response = await fetch(url, { headers: BROWSER_HEADERS });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.text();
}

export type TransferSize = { bytes: number; encoding: string };

/** Bytes on the wire when asking for gzip: fetch() would decompress and hide them. */
export function gzipTransferSize(url: string): Promise<TransferSize> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { "accept-encoding": "gzip" } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => {
        if (response.statusCode !== 200) reject(new Error(`GET ${url} answered ${response.statusCode}`));
        else resolve({ bytes, encoding: String(response.headers["content-encoding"] ?? "identity") });
      });
    });
    request.on("error", reject);
  });
}
