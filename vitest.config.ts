import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = {
  "@": root,
  "server-only": path.join(root, "test/server-only.ts"),
  "next/cache": path.join(root, "test/next-cache.ts"),
};

const unitTests = {
  extends: true as const,
  test: {
    name: "unit",
    include: ["lib/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "deploy/**/*.test.ts"],
    environment: "node",
  },
};

// The staff editor runs in the browser only; its tests render it in jsdom.
const componentTests = {
  extends: true as const,
  test: {
    name: "components",
    include: ["components/**/*.test.{ts,tsx}"],
    environment: "jsdom",
    testTimeout: 120_000,
  },
};

const databaseTests = (driver: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name: `db:${driver}`,
    include: ["db/**/*.test.{ts,tsx}", "app/**/*.test.{ts,tsx}", "bench/**/*.test.ts"],
    environment: "node",
    setupFiles: driver === "postgres" ? ["test/postgres-database.ts"] : [],
    env:
      driver === "pglite"
        ? { DATABASE_URL: "", PGLITE_DIR: "memory://" }
        : { NEWSROOM_TEST_ADMIN_URL: process.env.DATABASE_URL ?? "" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    // Under CI a JSON report lets .ci/run total Vitest and Playwright in one line.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "reports/vitest.json" },
    projects: [
      unitTests,
      componentTests,
      databaseTests("pglite"),
      ...(process.env.DATABASE_URL ? [databaseTests("postgres")] : []),
    ],
  },
});
