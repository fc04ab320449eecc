import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * The compiler process runs plain Node, outside Next's and Vitest's bundlers, so its TypeScript
 * (and the same guard the server uses, lib/mdx/safety.ts) is bundled into one file by esbuild,
 * here in the trusted server, before any story is compiled. The file is named by its content, so
 * a change to the guard is a new file and servers started from one checkout share it.
 */
export async function bundleCompilerProcess(projectRoot: string): Promise<string> {
  const { build } = await import("esbuild");
  const here = path.join(projectRoot, "lib", "mdx", "isolated-compiler");
  const result = await build({
    entryPoints: [path.join(here, "entry.ts")],
    absWorkingDir: projectRoot,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    logLevel: "silent",
    // esbuild's own API would start a process; the compiler process may not.
    alias: { esbuild: path.join(here, "esbuild-in-process.ts") },
    // mdx-bundler warns on every compile that esbuild may miss its binary; there is none to miss.
    define: { "process.env.ESBUILD_BINARY_PATH": JSON.stringify("esbuild.wasm, in process") },
  });
  const code = result.outputFiles[0]!.contents;
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const directory = path.join(projectRoot, "node_modules", ".cache", "newsroom-mdx-compiler");
  const file = path.join(directory, `compiler-${hash}.cjs`);
  const exists = await fs.stat(file).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await fs.mkdir(directory, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    await fs.writeFile(partial, code);
    await fs.rename(partial, file);
  }
  return file;
}
