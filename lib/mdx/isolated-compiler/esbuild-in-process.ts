/**
 * esbuild's API for mdx-bundler inside the compiler process, with the compiler itself run as
 * WebAssembly on this thread. Native esbuild, and esbuild-wasm's Node API, each start a child
 * process to do the work; the compiler process may start none (see process-permissions.ts).
 * Only what mdx-bundler calls is provided.
 */
import fs from "node:fs";
import * as esbuildWasm from "esbuild-wasm/lib/browser.js";
import type { BuildOptions, BuildResult } from "esbuild";

let initialised: Promise<void> | undefined;

function initialise(): Promise<void> {
  // esbuild's browser build looks for its global object under the name a web worker has.
  (globalThis as { self?: typeof globalThis }).self ??= globalThis;
  const wasmPath = process.env.NEWSROOM_ESBUILD_WASM;
  if (!wasmPath) throw new Error("NEWSROOM_ESBUILD_WASM does not name esbuild.wasm");
  return esbuildWasm.initialize({ wasmModule: new WebAssembly.Module(fs.readFileSync(wasmPath)), worker: false });
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  initialised ??= initialise();
  await initialised;
  return esbuildWasm.build(options as Parameters<typeof esbuildWasm.build>[0]) as Promise<BuildResult>;
}

export const version = esbuildWasm.version;
