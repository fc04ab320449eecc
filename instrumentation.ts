export async function register() {
  // The database is opened by the server that serves readers, never by `next build`.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { assertServerEnvironment } = await import("./lib/env");
  assertServerEnvironment();
  const { prepareDatabase } = await import("./db/prepare");
  await prepareDatabase();
}
