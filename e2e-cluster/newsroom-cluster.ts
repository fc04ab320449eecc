/**
 * The portal as several machines would run it, on this one: a PostgreSQL primary and a streaming
 * replica made from it with pg_basebackup, a Redis for the shared page cache, two `next start`
 * servers of this checkout's build, and nginx balancing readers across them. Every part is a child
 * process in a temporary directory of its own, removed by stop().
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { findFreePort } from "../test/free-port";
import { startMicroCache, type MicroCache } from "../deploy/nginx/run-micro-cache";
import { startNextServer } from "../scripts/next-start";
import {
  createThrowawayPostgres,
  createThrowawayReplica,
  throwawayPostgresUnavailable,
  throwawayReplicaUnavailable,
  type ThrowawayPostgres,
} from "../test/throwaway-postgres";
import type { Person } from "../e2e/pages/newsroom";

const ROOT = path.resolve(import.meta.dirname, "..");
// Clear of the end-to-end servers (3101–3103) and the load test's (3201–3299).
const APP_PORTS = { first: 3111, last: 3199 };
const START_TIMEOUT_MS = 180_000;

export type AppServer = {
  name: string;
  url: string;
  port: number;
  output: () => string;
  /** SIGKILL: the server dies as in a crash, mid-request. */
  crash: () => Promise<void>;
  stop: () => Promise<void>;
};

export type SharedCacheRedis = {
  url: string;
  crash: () => Promise<void>;
  start: () => Promise<void>;
  stop: () => Promise<void>;
};

export type NewsroomCluster = {
  a: AppServer;
  b: AppServer;
  balancer: MicroCache;
  redis: SharedCacheRedis;
  editor: Person;
  stop: () => Promise<void>;
};

function findProgram(name: string, extraDirectories: string[] = []): string | null {
  const directories = [...(process.env.PATH ?? "").split(path.delimiter), ...extraDirectories].filter(Boolean);
  return (
    directories.map((directory) => path.join(directory, name)).find((candidate) => fs.existsSync(candidate)) ?? null
  );
}

/** Why the cluster cannot be stood up on this machine, or null when it can. */
export function clusterUnavailable(): string | null {
  if (!findProgram("redis-server", ["/usr/bin", "/usr/sbin"]))
    return "redis-server is not installed (Debian: apt-get install redis-server)";
  if (!findProgram("nginx", ["/usr/sbin", "/usr/local/sbin"]))
    return "nginx is not installed (Debian: apt-get install nginx)";
  return throwawayPostgresUnavailable() ?? throwawayReplicaUnavailable();
}

async function exited(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = once(child, "exit");
  child.kill(signal);
  await gone;
}

/** A Redis of the test's own, keeping nothing on disk, that can be crashed and started again on its port. */
async function startRedis(): Promise<SharedCacheRedis> {
  const program = findProgram("redis-server", ["/usr/bin", "/usr/sbin"])!;
  const port = await findFreePort({ first: 6400, last: 6499 });
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      program,
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--maxmemory-policy",
        "volatile-lru",
      ],
      { stdio: "ignore" },
    );
    await waitFor(`Redis on port ${port}`, 10_000, () =>
      promisify(execFile)(findProgram("redis-cli", ["/usr/bin"]) ?? "redis-cli", ["-p", String(port), "ping"]).then(
        ({ stdout }) => stdout.trim() === "PONG",
      ),
    );
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    crash: () => exited(child!, "SIGKILL"),
    stop: () => exited(child!, "SIGTERM"),
  };
}

async function waitFor(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what} was not ready within ${ms / 1000} s`);
}

async function startAppServer(name: string, env: NodeJS.ProcessEnv): Promise<AppServer> {
  const port = await findFreePort(APP_PORTS);
  const url = `http://localhost:${port}`;
  const child = startNextServer(port, { cwd: ROOT, env: { ...env, AUTH_URL: url }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  const healthy = async () => {
    if (child.exitCode !== null) throw new Error(`server ${name} exited at start:\n${output}`);
    return (await fetch(`${url}/api/health`)).status === 200;
  };
  await waitFor(`server ${name}`, START_TIMEOUT_MS, healthy).catch((error) => {
    child.kill("SIGKILL");
    throw new Error(`${error.message}\n${output.slice(-3000)}`);
  });
  return {
    name,
    url,
    port,
    output: () => output,
    crash: () => exited(child, "SIGKILL"),
    stop: () => exited(child, "SIGTERM"),
  };
}

/** An editor added the way an administrator adds one from a shell, with a password made for this run. */
function createEditor(env: NodeJS.ProcessEnv): Promise<Person> {
  const editor = {
    name: "Cluster Editor",
    email: "cluster-editor@newsroom.example",
    password: randomBytes(24).toString("base64url"),
  };
  const args = [
    "--conditions=react-server",
    "scripts/user-create.ts",
    "--email",
    editor.email,
    "--name",
    editor.name,
    "--role",
    "editor",
  ];
  return new Promise((resolve, reject) => {
    const child = execFile(
      path.join(ROOT, "node_modules/.bin/tsx"),
      args,
      { cwd: ROOT, env },
      (error, _stdout, stderr) =>
        error
          ? reject(new Error(`scripts/user-create.ts could not create the editor: ${stderr || error}`))
          : resolve(editor),
    );
    child.stdin?.end(`${editor.password}\n`);
  });
}

export async function startNewsroomCluster(): Promise<NewsroomCluster> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch((error) => console.error("cluster stop:", error));
  };
  try {
    const primary: ThrowawayPostgres = await createThrowawayPostgres({ replication: true });
    stops.push(primary.remove);
    await primary.start();
    const replica = await createThrowawayReplica(primary);
    stops.push(replica.remove);
    const redis = await startRedis();
    stops.push(redis.stop);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: primary.url,
      DATABASE_REPLICA_URL: replica.url,
      REDIS_URL: redis.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
    };
    // Server A migrates and seeds the empty primary; B starts on the prepared database.
    const a = await startAppServer("A", env);
    stops.push(a.stop);
    const editor = await createEditor(env);
    const b = await startAppServer("B", env);
    stops.push(b.stop);
    const balancer = await startMicroCache({ upstreamPorts: [a.port, b.port] });
    stops.push(balancer.stop);
    return { a, b, balancer, redis, editor, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
