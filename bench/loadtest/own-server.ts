/**
 * The server the load test starts for itself: this checkout's production build (`next start`)
 * on a fresh database, with an editor added the way an administrator adds one from a shell,
 * through scripts/user-create.ts, under a password made up for this run alone.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { findFreePort } from "@/test/free-port";
import type { Credentials } from "../lib/publish";
import { startNextServer } from "@/scripts/next-start";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Clear of the end-to-end servers (3100s), other local servers (3300s and up) and the benchmark's (8300s).
const LOADTEST_PORTS = { first: 3201, last: 3299 };
// Migrating and seeding a fresh database on a busy two-core machine takes a while; a server that
// has not answered by then is stuck.
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 15_000;

export type OwnServer = { url: string; pid: number; credentials: Credentials; log: string; stop: () => Promise<void> };

type FreshDatabase = { env: Record<string, string>; drop: () => Promise<void> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A new PostgreSQL database beside DATABASE_URL's, named per role and port as scripts/e2e-server.ts does. */
async function freshPostgres(adminUrl: string, port: number): Promise<FreshDatabase> {
  const role = new URL(adminUrl).username.replace(/[^a-z0-9_]/gi, "_").toLowerCase() || "local";
  const name = `newsroom_loadtest_${role}_${port}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const cleaner = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await cleaner.unsafe(`drop database if exists "${name}" with (force)`).finally(() => cleaner.end());
  };
  return { env: { DATABASE_URL: url.toString() }, drop };
}

async function freshDatabase(workDirectory: string, port: number): Promise<FreshDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) return freshPostgres(adminUrl, port);
  // The directory goes with the work directory.
  return { env: { DATABASE_URL: "", PGLITE_DIR: path.join(workDirectory, "pglite") }, drop: async () => {} };
}

/** Runs scripts/user-create.ts, which migrates the empty database and reads the password from stdin. */
function createEditor(env: NodeJS.ProcessEnv): Credentials {
  const credentials = { email: "load-test-editor@newsroom.example", password: randomBytes(24).toString("base64url") };
  const args = [
    "--conditions=react-server",
    "scripts/user-create.ts",
    "--email",
    credentials.email,
    "--name",
    "Load Test Editor",
    "--role",
    "editor",
  ];
  try {
    execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), args, {
      cwd: ROOT,
      env,
      input: `${credentials.password}\n`,
      stdio: "pipe",
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`scripts/user-create.ts could not create the editor: ${stderr || error}`);
  }
  return credentials;
}

function startNext(port: number, env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const output = fs.openSync(log, "a");
  return startNextServer(port, { hostname: "127.0.0.1", cwd: ROOT, env, stdio: ["ignore", output, output] });
}

function logTail(log: string): string {
  return fs.readFileSync(log, "utf8").trim().split("\n").slice(-20).join("\n");
}

async function waitUntilHealthy(url: string, server: ChildProcess, log: string): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < START_TIMEOUT_MS) {
    if (server.exitCode !== null) throw new Error(`next start exited with status ${server.exitCode}:\n${logTail(log)}`);
    const status = await fetch(`${url}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(500);
  }
  throw new Error(`next start did not answer /api/health within ${START_TIMEOUT_MS / 1000} s:\n${logTail(log)}`);
}

async function stopProcess(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

export async function startOwnServer(): Promise<OwnServer> {
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID")))
    throw new Error("No production build in .next: run `npx next build` first");
  const port = await findFreePort(LOADTEST_PORTS);
  const url = `http://127.0.0.1:${port}`;
  const workDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-loadtest-"));
  // Beside the work directory rather than in it, so that it outlives the run for reading.
  const log = `${workDirectory}.log`;
  const database = await freshDatabase(workDirectory, port);
  const env = {
    ...process.env,
    ...database.env,
    PORT: String(port),
    SITE_URL: url,
    AUTH_URL: url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
  };
  const cleanUp = async () => {
    await database.drop();
    fs.rmSync(workDirectory, { recursive: true, force: true });
  };
  try {
    const credentials = createEditor(env);
    const server = startNext(port, env, log);
    const stop = async () => {
      await stopProcess(server);
      await cleanUp();
    };
    await waitUntilHealthy(url, server, log).catch(async (error) => {
      await stopProcess(server);
      throw error;
    });
    return { url, pid: server.pid!, credentials, log, stop };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
