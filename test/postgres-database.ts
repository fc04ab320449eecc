import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll } from "vitest";

/**
 * Each database test file gets a database of its own on the server DATABASE_URL
 * points at, dropped afterwards: files run in parallel without seeing each
 * other's rows, and nobody's data is ever touched.
 */
const adminUrl = process.env.NEWSROOM_TEST_ADMIN_URL;
if (!adminUrl) throw new Error("NEWSROOM_TEST_ADMIN_URL must be set for the PostgreSQL tests");

const name = `newsroom_test_${randomBytes(6).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const testUrl = new URL(adminUrl);
testUrl.pathname = `/${name}`;
process.env.DATABASE_URL = testUrl.toString();

afterAll(async () => {
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});
