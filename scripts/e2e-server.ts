/**
 * Starts the production build on a fresh database for the end-to-end tests:
 * an emptied PGlite directory, or a newly created PostgreSQL database when
 * DATABASE_URL is set. The server seeds it from content/ at start.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { startNextServer } from "./next-start";

const { values } = parseArgs({
  options: { driver: { type: "string" }, port: { type: "string" } },
});
const port = values.port ?? "3100";
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  SITE_URL: `http://localhost:${port}`,
  AUTH_URL: `http://localhost:${port}`,
  AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
};

if (values.driver === "postgres") {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("DATABASE_URL is required for the PostgreSQL end-to-end run");
  // One database per role and port: a leftover from another role's run cannot be dropped by this one.
  const role = new URL(adminUrl).username.replace(/[^a-z0-9_]/gi, "_").toLowerCase() || "local";
  const name = `newsroom_e2e_${role}_${port}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  const directory = `.data/e2e-pglite-${port}`;
  fs.rmSync(directory, { recursive: true, force: true });
  fs.rmSync(`${directory}.lock`, { recursive: true, force: true });
  env.DATABASE_URL = "";
  env.PGLITE_DIR = directory;
}

const server = startNextServer(Number(port), { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => process.exit(code ?? 0));
