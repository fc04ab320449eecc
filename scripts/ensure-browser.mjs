// The end-to-end tests need a Chromium. Debian's is used where installed; otherwise
// Playwright's own is installed once, so `npm test` alone works on a laptop.
import { execSync } from "node:child_process";
import fs from "node:fs";
import { chromium } from "@playwright/test";

if (fs.existsSync("/usr/bin/chromium")) process.exit(0);
if (fs.existsSync(chromium.executablePath())) process.exit(0);
console.log("No Chromium found: installing Playwright's Chromium…");
execSync("npx playwright install chromium", { stdio: "inherit" });
