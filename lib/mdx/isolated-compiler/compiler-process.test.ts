import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileInIsolation, launchCompilerProcess } from "./compiler-process";

const workspace = mkdtempSync(path.join(os.tmpdir(), "compiler-isolation-"));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

type ProbeReport = { environment: string[]; attempts: Record<string, string> };

/**
 * Runs `probe` as if it were code that a hole in gray-matter, remark or esbuild let a story run:
 * started exactly as the compiler process is, it reports what it could reach.
 */
async function runAsCompiler(probe: string): Promise<ProbeReport> {
  const entry = path.join(workspace, `probe-${Date.now()}.cjs`);
  writeFileSync(entry, `${probe}\nprocess.send(report, () => process.exit(0));\n`);
  const child = launchCompilerProcess(entry);
  return new Promise((resolve, reject) => {
    child.once("message", (report) => resolve(report as ProbeReport));
    child.once("exit", (code) => reject(new Error(`the probe exited with ${code} before reporting`)));
  });
}

const ATTEMPTS = `
const fs = require("node:fs");
const report = { environment: Object.keys(process.env), attempts: {} };
function attempt(name, action) {
  try { action(); report.attempts[name] = "succeeded"; } catch (error) { report.attempts[name] = error.code ?? error.message; }
}
`;

describe("the compiler process", () => {
  it("holds none of the server's secrets in its environment", async () => {
    process.env.AUTH_SECRET = "a secret the compiler must not see";
    const report = await runAsCompiler(ATTEMPTS);
    expect(report.environment.sort()).toEqual(["NEWSROOM_ESBUILD_WASM", "NODE_ENV"]);
  });

  it("cannot read the server's environment through /proc, nor a secret file beside the project", async () => {
    const secretFile = path.join(workspace, "auth-secret");
    writeFileSync(secretFile, "a secret on disk");
    const report = await runAsCompiler(`${ATTEMPTS}
      attempt("server environment", () => fs.readFileSync("/proc/" + process.ppid + "/environ"));
      attempt("own environment", () => fs.readFileSync("/proc/self/environ"));
      attempt("secret file", () => fs.readFileSync(${JSON.stringify(secretFile)}));
      attempt("project files", () => fs.readdirSync(${JSON.stringify(process.cwd())}));`);
    for (const outcome of Object.values(report.attempts)) expect(outcome).toBe("ERR_ACCESS_DENIED");
  });

  it("can write no file and start no process or worker: nothing it tries leaves a trace", async () => {
    const written = path.join(workspace, "written-by-the-compiler");
    const touched = path.join(workspace, "touched-by-a-child-process");
    const report = await runAsCompiler(`${ATTEMPTS}
      attempt("write a file", () => fs.writeFileSync(${JSON.stringify(written)}, "owned"));
      attempt("start a process", () => require("node:child_process").execFileSync("touch", [${JSON.stringify(touched)}]));
      attempt("start a worker", () => new (require("node:worker_threads").Worker)(${JSON.stringify(`require("fs").writeFileSync(${JSON.stringify(written)}, "owned")`)}, { eval: true }));`);
    expect(Object.values(report.attempts)).toEqual(["ERR_ACCESS_DENIED", "ERR_ACCESS_DENIED", "ERR_ACCESS_DENIED"]);
    expect(existsSync(written)).toBe(false);
    expect(existsSync(touched)).toBe(false);
  });

  it("compiles a story, and compiles the next one after the process was killed", async () => {
    const first = await compileInIsolation("A paragraph with *emphasis*.\n");
    expect(first).toMatchObject({ status: "compiled", code: expect.stringContaining("emphasis") });
    const { execFileSync } = await import("node:child_process");
    const ours = execFileSync("pgrep", ["-P", String(process.pid), "-f", "newsroom-mdx-compiler"], { encoding: "utf8" })
      .trim()
      .split("\n");
    expect(ours.length).toBeGreaterThan(0);
    for (const pid of ours) process.kill(Number(pid), "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await compileInIsolation("Another paragraph.\n")).toMatchObject({ status: "compiled" });
  });
});
