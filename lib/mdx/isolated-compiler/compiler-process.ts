import "server-only";
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import type { MdxIssue } from "../safety";
import { bundleCompilerProcess } from "./compiler-bundle";
import type { CompileReply } from "./messages";

export type IsolatedCompileResult = { status: "compiled"; code: string } | { status: "refused"; issue: MdxIssue };

// Far beyond any real story (the largest allowed compiles in about a second); past it the text is
// treated as an attack on the compiler, and the process is replaced.
const COMPILE_TIME_LIMIT_MS = 30_000;

const projectRoot = () => process.cwd();

function esbuildWasmPath(): string {
  return createRequire(path.join(projectRoot(), "package.json")).resolve("esbuild-wasm/esbuild.wasm");
}

// Node 20 names the permission model experimental; later versions take --permission.
const permissionFlag = process.allowedNodeEnvironmentFlags.has("--permission")
  ? "--permission"
  : "--experimental-permission";

/**
 * Starts `entryFile` as a compiler process: with an environment holding nothing but where
 * esbuild.wasm is and NODE_ENV (no AUTH_SECRET, no database or Redis address), and under Node's permission
 * model with read access to those two files alone, so neither this server's environment
 * (/proc/<pid>/environ), nor a secret on disk, nor any other file is readable, no file can be
 * written, and no process or worker can be started.
 */
export function launchCompilerProcess(entryFile: string): ChildProcess {
  const wasm = esbuildWasmPath();
  return fork(entryFile, [], {
    env: { NODE_ENV: "production", NEWSROOM_ESBUILD_WASM: wasm },
    execArgv: [
      permissionFlag,
      `--allow-fs-read=${entryFile}`,
      `--allow-fs-read=${wasm}`,
      "--disable-warning=ExperimentalWarning",
      "--max-old-space-size=512",
    ],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    serialization: "json",
  });
}

type Pending = {
  resolve: (result: IsolatedCompileResult) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

type Compiler = { child: ChildProcess; ready: Promise<void>; pending: Map<number, Pending>; stopped: boolean };

// One compiler per server process. Next bundles instrumentation (which starts it) and the routes
// and actions (which use it) separately, each with its own copy of this module, so the process is
// kept on the global object rather than in a module variable.
const shared = globalThis as typeof globalThis & {
  [key: symbol]: { starting?: Promise<Compiler>; nextRequestId: number } | undefined;
};
const COMPILER = Symbol.for("newsroom.mdx-compiler");
const compilerState = (shared[COMPILER] ??= { nextRequestId: 1 });

// An idle compiler must not keep a script or a test run alive.
function idle(child: ChildProcess) {
  child.unref();
  child.channel?.unref();
}

function busy(child: ChildProcess) {
  child.ref();
  child.channel?.ref();
}

function settle(current: Compiler, reply: CompileReply) {
  if (reply.status === "ready") return;
  const waiting = current.pending.get(reply.id);
  if (!waiting) return;
  current.pending.delete(reply.id);
  clearTimeout(waiting.timer);
  if (current.pending.size === 0) idle(current.child);
  if (reply.status === "failed") waiting.reject(new Error(`The MDX compiler failed: ${reply.message}`));
  else
    waiting.resolve(
      reply.status === "compiled"
        ? { status: "compiled", code: reply.code }
        : { status: "refused", issue: reply.issue },
    );
}

function stopped(current: Compiler, reason: string) {
  current.stopped = true;
  for (const waiting of current.pending.values()) {
    clearTimeout(waiting.timer);
    waiting.reject(new Error(`The MDX compiler stopped (${reason}); save again.`));
  }
  current.pending.clear();
}

async function startCompiler(): Promise<Compiler> {
  const child = launchCompilerProcess(await bundleCompilerProcess(projectRoot()));
  const ready = new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code, signal) =>
      reject(new Error(`The MDX compiler stopped before it was ready (${signal ?? code}).`)),
    );
  });
  const current: Compiler = { child, ready, pending: new Map(), stopped: false };
  child.on("message", (reply: CompileReply) => settle(current, reply));
  child.on("exit", (code, signal) => stopped(current, String(signal ?? code)));
  await ready;
  return current;
}

/** The running compiler process, started (or restarted after it stopped) on first need. */
async function runningCompiler(): Promise<Compiler> {
  const attempt = (compilerState.starting ??= startCompiler());
  try {
    const current = await attempt;
    if (!current.stopped) return current;
  } catch (error) {
    if (compilerState.starting === attempt) compilerState.starting = undefined;
    throw error;
  }
  if (compilerState.starting === attempt) compilerState.starting = undefined;
  return runningCompiler();
}

/** Starts the compiler process before the first save or preview, so no writer waits on its start. */
export async function warmUpCompiler(): Promise<void> {
  const current = await runningCompiler();
  if (current.pending.size === 0) idle(current.child);
}

/** Compiles a story's MDX in the compiler process; the text never runs in this one. */
export async function compileInIsolation(source: string): Promise<IsolatedCompileResult> {
  const current = await runningCompiler();
  busy(current.child);
  const id = compilerState.nextRequestId++;
  return new Promise<IsolatedCompileResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      current.pending.delete(id);
      current.child.kill("SIGKILL");
      resolve({
        status: "refused",
        issue: {
          line: 1,
          column: 1,
          message: "This story took too long to compile. Split very long tables or lists, or remove unusual markup.",
        },
      });
    }, COMPILE_TIME_LIMIT_MS);
    current.pending.set(id, { resolve, reject, timer });
    current.child.send({ id, source });
  });
}
