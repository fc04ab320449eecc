import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const systemChromium = "/usr/bin/chromium";
const launchOptions = fs.existsSync(systemChromium) ? { executablePath: systemChromium } : {};

/**
 * `npm run test:cluster`: the portal on two app servers behind nginx (e2e-cluster/). It starts its
 * own databases, Redis and servers from the current build, so it runs alone, after `next build`.
 */
export default defineConfig({
  testDir: "e2e-cluster",
  forbidOnly: Boolean(process.env.CI),
  workers: 1,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "reports/cluster.json" }]] : "list",
  use: { ...devices["Desktop Chrome"], trace: "retain-on-failure", launchOptions },
});
