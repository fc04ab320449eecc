/**
 * Resident memory of a server, found by its listening port through /proc (Linux only): the
 * process holding the listening socket plus all its descendants, such as nginx's workers.
 */
import fs from "node:fs/promises";

const LISTEN_STATE = "0A";

async function listeningSocketInodes(port: number): Promise<Set<string>> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const lines = (await fs.readFile(table, "utf8").catch(() => "")).split("\n").slice(1);
    for (const line of lines) {
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
      if (state === LISTEN_STATE && local && Number.parseInt(local.split(":")[1] ?? "", 16) === port)
        inodes.add(inode!);
    }
  }
  return inodes;
}

async function processIds(): Promise<number[]> {
  return (await fs.readdir("/proc")).filter((name) => /^\d+$/.test(name)).map(Number);
}

async function holdsSocket(pid: number, inodes: Set<string>): Promise<boolean> {
  const descriptors = await fs.readdir(`/proc/${pid}/fd`).catch(() => []);
  for (const descriptor of descriptors) {
    const target = await fs.readlink(`/proc/${pid}/fd/${descriptor}`).catch(() => "");
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode && inodes.has(inode)) return true;
  }
  return false;
}

/** The oldest process listening on the port: for nginx the master, not a worker that shares the socket. */
export async function findListeningProcess(port: number): Promise<number | undefined> {
  const inodes = await listeningSocketInodes(port);
  if (inodes.size === 0) return undefined;
  for (const pid of (await processIds()).sort((a, b) => a - b)) {
    if (await holdsSocket(pid, inodes)) return pid;
  }
  return undefined;
}

async function parentOf(pid: number): Promise<number | undefined> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  // The command name may contain spaces and parentheses: the fields that follow start after the last ")".
  const ppid = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
  return ppid ? Number(ppid) : undefined;
}

async function withDescendants(root: number): Promise<number[]> {
  const pids = await processIds();
  const parents = new Map(await Promise.all(pids.map(async (pid) => [pid, await parentOf(pid)] as const)));
  const family = [root];
  for (let index = 0; index < family.length; index++) {
    for (const [pid, parent] of parents) if (parent === family[index]) family.push(pid);
  }
  return family;
}

async function residentKilobytes(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
}

export type Memory = { pid: number; processes: number; megabytes: number };

export async function residentMemory(pid: number): Promise<Memory> {
  const family = await withDescendants(pid);
  const kilobytes = (await Promise.all(family.map(residentKilobytes))).reduce((sum, value) => sum + value, 0);
  return { pid, processes: family.length, megabytes: kilobytes / 1024 };
}
