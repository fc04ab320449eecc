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

const PRIMARY_PROGRAMS = ["initdb", "pg_ctl"];
const REPLICA_PROGRAMS = [...PRIMARY_PROGRAMS, "pg_basebackup"];

/** Where `programs` are: the newest Debian installation, else PATH. Null when neither has them all. */
export function findPostgresPrograms(programs: string[] = PRIMARY_PROGRAMS): string | null {
  const debian = "/usr/lib/postgresql";
  const versions = fs.existsSync(debian) ? fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : [];
  const directories = [
    ...versions.map((version) => path.join(debian, version, "bin")),
    ...(process.env.PATH ?? "").split(path.delimiter),
  ];
  return (
    directories.find(
      (directory) => directory && programs.every((program) => fs.existsSync(path.join(directory, program))),
    ) ?? null
  );
}

const notInstalled = (programs: string[]) => `PostgreSQL's ${programs.join(", ")} are not installed`;

/** Why the cluster cannot be made here, or null when it can. */
export function throwawayPostgresUnavailable(): string | null {
  if (!findPostgresPrograms()) return notInstalled(PRIMARY_PROGRAMS);
  if (isRoot && !hasAccount("postgres"))
    return "running as root, and there is no postgres account to run PostgreSQL as";
  return null;
}

/** Why a primary with a replica cannot be made here, or null when it can. */
export function throwawayReplicaUnavailable(): string | null {
  return (
    throwawayPostgresUnavailable() ?? (findPostgresPrograms(REPLICA_PROGRAMS) ? null : notInstalled(REPLICA_PROGRAMS))
  );
}

function hasAccount(name: string): boolean {
  try {
    execFileSync("id", ["-u", name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * A port nothing listens on now, as the system hands them out. Not bench/lib's findFreePort: it
 * scans a fixed range from its first port, so test files starting clusters side by side would pick
 * the same one.
 */
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

type Run = (program: string, args: string[]) => Promise<unknown>;

/** Runs `make` in a new temporary directory the postgres account owns, removed again if `make` fails. */
async function inTemporaryDirectory(
  needs: string[],
  make: (run: Run, directory: string) => Promise<ThrowawayPostgres>,
): Promise<ThrowawayPostgres> {
  const programs = findPostgresPrograms(needs);
  if (!programs) throw new Error(notInstalled(needs));
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "meridian-throwaway-pg-"));
  const run: Run = (program, args) =>
    isRoot
      ? execFile("runuser", ["-u", "postgres", "--", path.join(programs, program), ...args])
      : execFile(path.join(programs, program), args);
  try {
    if (isRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
      fs.chownSync(directory, uid, gid);
    }
    return await make(run, directory);
  } catch (error) {
    fs.rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}

// What a replica needs of its primary. initdb's defaults already allow it, but the replicas' tests
// should not depend on defaults: a base backup and its WAL stream are each a replication connection.
const REPLICATION_SETTINGS = "-c wal_level=replica -c max_wal_senders=5";
const TRUST_LOCAL_REPLICATION = "host replication all 127.0.0.1/32 trust\n";

/** A stopped cluster; `start` starts it. With `replication`, replicas may stream from it once started. */
export async function createThrowawayPostgres({
  replication = false,
}: { replication?: boolean } = {}): Promise<ThrowawayPostgres> {
  return inTemporaryDirectory(PRIMARY_PROGRAMS, async (run, directory) => {
    const data = path.join(directory, "data");
    // Trust on 127.0.0.1 only, no fsync: nothing here outlives the test.
    await run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
    if (!replication) return clusterIn(run, directory, data);
    fs.appendFileSync(path.join(data, "pg_hba.conf"), TRUST_LOCAL_REPLICATION);
    return clusterIn(run, directory, data, REPLICATION_SETTINGS);
  });
}

/**
 * A hot standby of `primary` (made with `replication` and running), already started on a port of
 * its own: a base backup of the primary that streams its WAL from then on and answers read-only
 * queries. `stop` and `start` work as for the primary.
 */
export async function createThrowawayReplica(primary: ThrowawayPostgres): Promise<ThrowawayPostgres> {
  const { port } = new URL(primary.url);
  return inTemporaryDirectory(REPLICA_PROGRAMS, async (run, directory) => {
    const data = path.join(directory, "data");
    // -R writes the standby signal and the connection back to the primary; -X stream copies the WAL written meanwhile.
    await run("pg_basebackup", [
      "-h",
      "127.0.0.1",
      "-p",
      port,
      "-U",
      "postgres",
      "-D",
      data,
      "-R",
      "-X",
      "stream",
      "--no-sync",
    ]);
    const replica = await clusterIn(run, directory, data);
    try {
      await replica.start();
    } catch (error) {
      await replica.stop("immediate").catch(() => {});
      throw error;
    }
    return replica;
  });
}

async function clusterIn(run: Run, directory: string, data: string, settings = ""): Promise<ThrowawayPostgres> {
  // Kept across stops and starts: the portal under test holds the address.
  const port = await freePort();
  // A socket in the cluster's own directory, listening on 127.0.0.1 only.
  const options = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off ${settings}`.trim();
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
