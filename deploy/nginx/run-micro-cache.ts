/**
 * Runs deploy/nginx/micro-cache.conf in front of a local upstream, for the benchmark and its test:
 * nginx as a foreground child process whose prefix, temp, cache and log files all live in a fresh
 * temporary directory, removed again by stop().
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { accessSync, constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { localUpstreamServers, renderMicroCacheConfig, type MicroCacheSettings } from "./micro-cache";
import { findFreePort } from "../../test/free-port";

const READY_TIMEOUT_MS = 10_000;
// Debian installs nginx in /usr/sbin, which is not on an ordinary user's PATH.
const SBIN_DIRECTORIES = ["/usr/sbin", "/usr/local/sbin"];

export type MicroCache = { url: string; pid: number; stop: () => Promise<void> };

function findNginx(): string | null {
  const directories = [...(process.env.PATH ?? "").split(path.delimiter), ...SBIN_DIRECTORIES].filter(Boolean);
  return directories.map((directory) => path.join(directory, "nginx")).find(isExecutable) ?? null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why nginx cannot be started here, or null when it can: tests skip with this reason. */
export function nginxUnavailable(): string | null {
  return findNginx() ? null : "nginx is not installed (Debian: apt-get install nginx)";
}

/** What Debian's /etc/nginx/nginx.conf provides around a site, pointed into our own directory. */
function mainConfig(directory: string, siteFile: string): string {
  const at = (name: string) => path.join(directory, name);
  return `
${process.getuid?.() === 0 ? "user root;  # workers must write the temp directories root created" : ""}
worker_processes auto;
pid ${at("nginx.pid")};
error_log ${at("error.log")} warn;
events { worker_connections 1024; }
http {
  # Benchmarks measure the cache, not the disk.
  access_log off;
  client_body_temp_path ${at("client-body")};
  proxy_temp_path ${at("proxy")};
  fastcgi_temp_path ${at("fastcgi")};
  uwsgi_temp_path ${at("uwsgi")};
  scgi_temp_path ${at("scgi")};
  include ${siteFile};
}
`;
}

async function writeConfig(directory: string, settings: MicroCacheSettings): Promise<string> {
  const siteFile = path.join(directory, "micro-cache.conf");
  const configFile = path.join(directory, "nginx.conf");
  await fs.writeFile(siteFile, await renderMicroCacheConfig(settings));
  await fs.writeFile(configFile, mainConfig(directory, siteFile));
  return configFile;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    const settle = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.once("connect", () => settle(true));
    socket.once("error", () => settle(false));
    socket.setTimeout(500, () => settle(false));
  });
}

async function waitUntilListening(child: ChildProcess, port: number, errorLog: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = await fs.readFile(errorLog, "utf8").catch(() => "");
      throw new Error(`nginx exited at start (code ${child.exitCode}):\n${log}`);
    }
    if (await accepts(port)) return;
    await sleep(50);
  }
  throw new Error(`nginx did not listen on port ${port} within ${READY_TIMEOUT_MS} ms`);
}

function stopper(child: ChildProcess, directory: string, killOnExit: () => void) {
  return async () => {
    process.off("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await fs.rm(directory, { recursive: true, force: true });
  };
}

/** Starts nginx with the micro-cache in front of the app servers on these local ports, on a free port. */
export async function startMicroCache({
  upstreamPorts,
  port,
}: {
  upstreamPorts: number[];
  port?: number;
}): Promise<MicroCache> {
  const nginx = findNginx();
  if (!nginx) throw new Error(`${nginxUnavailable()}: install it first.`);
  const listenPort = port ?? (await findFreePort());
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "nginx-micro-cache-"));
  const errorLog = path.join(directory, "error.log");
  const configFile = await writeConfig(directory, {
    LISTEN_PORT: listenPort,
    UPSTREAM_SERVERS: localUpstreamServers(upstreamPorts),
    CACHE_DIR: path.join(directory, "cache"),
  });

  const child = spawn(nginx, ["-p", directory, "-c", configFile, "-e", errorLog, "-g", "daemon off;"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  await once(child, "spawn");
  // A benchmark that crashes must not leave nginx holding the port.
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  const stop = stopper(child, directory, killOnExit);
  try {
    await waitUntilListening(child, listenPort, errorLog);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${listenPort}`, pid: child.pid ?? 0, stop };
}
