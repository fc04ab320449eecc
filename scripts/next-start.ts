/**
 * `next start` as every server our scripts and tests start runs it, and as `npm start` does.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import path from "node:path";

const NEXT = path.resolve(import.meta.dirname, "..", "node_modules", "next", "dist", "bin", "next");

/**
 * Node closes an idle keep-alive connection after 5 s. A client that reuses a pooled connection
 * at that moment (nginx's upstream pool, Playwright's request context, which ignores the
 * Keep-Alive hint) gets a reset instead of an answer. Outliving nginx's 60 s upstream
 * keepalive_timeout makes the proxy the side that closes. Kept equal to `npm start` in package.json.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function startNextServer(port: number, options: SpawnOptions & { hostname?: string } = {}): ChildProcess {
  const { hostname, ...spawnOptions } = options;
  const args = [NEXT, "start", "--port", String(port), "--keepAliveTimeout", String(KEEP_ALIVE_TIMEOUT_MS)];
  if (hostname) args.push("--hostname", hostname);
  return spawn(process.execPath, args, spawnOptions);
}
