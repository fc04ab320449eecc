import postgres from "postgres";

/**
 * The database tests get a database of their own on the server DATABASE_URL
 * points at, dropped afterwards, so they never touch anyone's data.
 */
export default async function setup() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("DATABASE_URL must be set for the PostgreSQL tests");
  const name = `newsroom_test_${process.pid}_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const testUrl = new URL(adminUrl);
  testUrl.pathname = `/${name}`;
  process.env.DATABASE_URL = testUrl.toString();

  return async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
}
