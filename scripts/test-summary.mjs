// Prints one line totalling Vitest and Playwright, from the JSON reports they write under CI.
import fs from "node:fs";

function readReport(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const vitest = readReport("reports/vitest.json");
// The end-to-end run, then the cluster run (playwright.cluster.config.ts).
const playwrightRuns = ["reports/e2e.json", "reports/cluster.json"].map(readReport);
const playwright = (count) => playwrightRuns.reduce((total, report) => total + (report?.stats?.[count] ?? 0), 0);

const passed = (vitest?.numPassedTests ?? 0) + playwright("expected") + playwright("flaky");
const failed = (vitest?.numFailedTests ?? 0) + playwright("unexpected");
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + playwright("skipped");

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
