import { execFile as execFileCallback, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const execFile = promisify(execFileCallback);

/**
 * A PostgreSQL cluster of its own in a temporary directory, for tests that stop and start the
 * database under a running portal without touching the machine's server. PostgreSQL refuses to run
 * as root, so as root its programs run as the `postgres` account (Debian's packages create it).
 */
export type ThrowawayPostgres = {
  url: string;
  start: () => Promise<void>;
  /** `immediate` drops every connection at once, as a crash would; `fast` is an orderly shutdown. */
  stop: (mode: "fast" | "immediate") => Promise<void>;
  remove: () => Promise<void>;
};

const isRoot = process.getuid?.() === 0;

/** Where initdb and pg_ctl are: the newest Debian installation, else PATH. Null when neither has them. */
export function findPostgresPrograms(): string | null {
  const debian = "/usr/lib/postgresql";
  const versions = fs.existsSync(debian) ? fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : [];
  const directories = [...versions.map((version) => path.join(debian, version, "bin")), ...(process.env.PATH ?? "").split(path.delimiter)];
  return directories.find((directory) => directory && fs.existsSync(path.join(directory, "initdb")) && fs.existsSync(path.join(directory, "pg_ctl"))) ?? null;
}

/** Why the cluster cannot be made here, or null when it can. */
export function throwawayPostgresUnavailable(): string | null {
  if (!findPostgresPrograms()) return "PostgreSQL's initdb and pg_ctl are not installed";
  if (isRoot && !hasAccount("postgres")) return "running as root, and there is no postgres account to run PostgreSQL as";
  return null;
}

function hasAccount(name: string): boolean {
  try {
    execFileSync("id", ["-u", name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A port nothing listens on now, as the system hands them out. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host: "127.0.0.1" }, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function createThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const programs = findPostgresPrograms();
  if (!programs) throw new Error("PostgreSQL's initdb and pg_ctl are not installed");
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "meridian-throwaway-pg-"));
  try {
    return await createCluster(programs, directory);
  } catch (error) {
    fs.rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}

async function createCluster(programs: string, directory: string): Promise<ThrowawayPostgres> {
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    fs.chownSync(directory, uid, gid);
  }
  const data = path.join(directory, "data");
  const run = (program: string, args: string[]) =>
    isRoot ? execFile("runuser", ["-u", "postgres", "--", path.join(programs, program), ...args]) : execFile(path.join(programs, program), args);

  // Trust on 127.0.0.1 only, a socket in its own directory, no fsync: nothing here outlives the test.
  await run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
  // Kept across stops and starts: the portal under test holds the address.
  const port = await freePort();
  const options = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off`;

  const cluster: ThrowawayPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await run("pg_ctl", ["-D", data, "-l", path.join(directory, "server.log"), "-o", options, "-w", "start"]);
    },
    async stop(mode) {
      await run("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
    },
    async remove() {
      // Stopped even when `start` failed after the postmaster came up, so no server outlives its files.
      await cluster.stop("immediate").catch(() => {});
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
  return cluster;
}
