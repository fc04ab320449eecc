import { expect, test } from "@playwright/test";
import { measureScriptWeight } from "@/bench/lib/script-weight";

/**
 * The gzipped JavaScript a reader page may make a browser download. Issue 17's target is 120 kB
 * (the Guardian's critical-JS budget); React DOM and the App Router's own runtime alone are about
 * 135 kB of today's 140.8–141.5 kB (docs/BENCHMARKS.md lists the chunks), so this is today's
 * ceiling with room for nothing new: a client component added to a reader page fails here first.
 * A size, not a time: the same build gives the same figures on any machine.
 */
const READER_SCRIPT_BUDGET_BYTES = 143_000;

const READER_PAGES = [
  "/",
  "/category/conflicts",
  "/articles/ukraine-to-receive-nato-support-and-membership-after-conflict",
  "/articles/live-ceasefire-talks-open-in-the-border-town-of-ravensk",
  "/tag/nato",
  "/search?q=NATO",
  "/corrections",
];

for (const path of READER_PAGES) {
  test(`${path} loads no more than ${READER_SCRIPT_BUDGET_BYTES / 1000} kB of gzipped JavaScript`, async () => {
    const baseUrl = test.info().project.use.baseURL!;
    const weight = await measureScriptWeight(baseUrl, path);
    expect(weight.scripts, "the page loads the framework at least").toBeGreaterThan(0);
    expect(weight.gzipBytes).toBeLessThanOrEqual(READER_SCRIPT_BUDGET_BYTES);
  });
}
