export async function register() {
  // The database is opened by the server that serves readers, never by `next build`.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { assertServerEnvironment } = await import("./lib/env");
  assertServerEnvironment();
  const { prepareDatabase } = await import("./db/prepare");
  await prepareDatabase();
  // Bundling the compiler process and loading esbuild's WebAssembly take seconds on a busy machine.
  const { warmUpCompiler } = await import("./lib/mdx/isolated-compiler/compiler-process");
  warmUpCompiler().catch((error: unknown) =>
    console.error("The MDX compiler could not be started ahead of time:", error),
  );
}
