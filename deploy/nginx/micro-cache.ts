/**
 * Fills in micro-cache.conf, the programmatic twin of the `envsubst` line in its header; used by
 * deploy/nginx/run-micro-cache.ts to run the same file for benchmarks and tests.
 */
import fs from "node:fs/promises";
import path from "node:path";

export type MicroCacheSettings = { LISTEN_PORT: number; UPSTREAM_SERVERS: string; CACHE_DIR: string };

const TEMPLATE = path.join(import.meta.dirname, "micro-cache.conf");

/** The upstream block's lines for app servers on this machine. */
export function localUpstreamServers(ports: number[]): string {
  return ports.map((port) => `server 127.0.0.1:${port};`).join(" ");
}

/** Only the three placeholders are replaced; nginx's own $variables are left alone. */
export function fillMicroCacheTemplate(template: string, settings: MicroCacheSettings): string {
  return template.replace(/\$\{(LISTEN_PORT|UPSTREAM_SERVERS|CACHE_DIR)\}/g, (_, name: keyof MicroCacheSettings) =>
    String(settings[name]),
  );
}

export async function renderMicroCacheConfig(settings: MicroCacheSettings): Promise<string> {
  return fillMicroCacheTemplate(await fs.readFile(TEMPLATE, "utf8"), settings);
}
