import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const systemChromium = "/usr/bin/chromium";
const launchOptions = fs.existsSync(systemChromium) ? { executablePath: systemChromium } : {};

// Every run covers the embedded database; with DATABASE_URL set, PostgreSQL as well.
const targets = [
  { name: "pglite", port: 3101 },
  ...(process.env.DATABASE_URL ? [{ name: "postgres", port: 3102 }] : []),
];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "reports/e2e.json" }]] : "list",
  use: { trace: "retain-on-failure", launchOptions },
  projects: targets.map(({ name, port }) => ({
    name,
    use: { ...devices["Desktop Chrome"], baseURL: `http://localhost:${port}`, launchOptions },
  })),
  webServer: targets.map(({ name, port }) => ({
    command: `npx tsx scripts/e2e-server.ts --driver ${name} --port ${port}`,
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
  })),
});
