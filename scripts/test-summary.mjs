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
const playwright = readReport("reports/e2e.json");

const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
