/**
 * Lighthouse scores of the pages readers land on, on a phone and on a desktop:
 *   npm run lighthouse -- [--url http://127.0.0.1:3000] [--out docs/BENCHMARKS.md]
 * Runs offline against a running production server with Debian's Chromium (CHROME_PATH to use
 * another), prints the four category scores and every failing audit, and replaces the Lighthouse
 * section of docs/BENCHMARKS.md.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Config, type Result } from "lighthouse";
import { gitCommit } from "./lib/git";
import { markdownTable, writeSection } from "./lib/markdown-section";

const PAGES = ["/", "/category/conflicts", "/articles/ukraine-to-receive-nato-support-and-membership-after-conflict"];
const FORM_FACTORS = [
  { name: "mobile", config: undefined },
  { name: "desktop", config: desktopConfig },
] as const satisfies ReadonlyArray<{ name: string; config: Config | undefined }>;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
// Lighthouse's own report lists an audit under "passed" from this score on.
const PASSING_SCORE = 0.9;

type AuditNote = { title: string; detail?: string };
type PageScores = {
  page: string;
  formFactor: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  cpuIndex: number;
  failing: AuditNote[];
  errored: AuditNote[];
};
type Audit = Result["audits"][string];

function readOptions() {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: "http://127.0.0.1:3000" },
      out: { type: "string", default: "docs/BENCHMARKS.md" },
    },
  });
  return { url: values.url.replace(/\/+$/, ""), out: values.out };
}

const isScored = (audit: Audit) => ["binary", "numeric", "metricSavings"].includes(audit.scoreDisplayMode);

/** The audits that count towards one of the four categories, each once. */
function categoryAudits(result: Result): Audit[] {
  const ids = new Set(
    CATEGORIES.flatMap(
      (category) =>
        result.categories[category]?.auditRefs.filter((ref) => ref.group !== "hidden").map((ref) => ref.id) ?? [],
    ),
  );
  return [...ids].map((id) => result.audits[id]!);
}

async function audit(port: number, url: string, formFactor: (typeof FORM_FACTORS)[number]): Promise<PageScores> {
  const runner = await lighthouse(url, { port, logLevel: "error", output: "json" }, formFactor.config);
  if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = runner;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  const audits = categoryAudits(lhr);
  return {
    page: new URL(url).pathname,
    formFactor: formFactor.name,
    scores: Object.fromEntries(
      CATEGORIES.map((category) => [category, lhr.categories[category]?.score ?? null]),
    ) as PageScores["scores"],
    cpuIndex: lhr.environment.benchmarkIndex,
    failing: audits
      .filter((item) => isScored(item) && item.score !== null && item.score < PASSING_SCORE)
      .map((item) => ({ title: item.title, detail: item.displayValue })),
    // An audit that could not run says nothing about the page, so it is listed apart from failures.
    errored: audits
      .filter((item) => item.scoreDisplayMode === "error")
      .map((item) => ({ title: item.title, detail: item.errorMessage })),
  };
}

const score = (value: number | null) => (value === null ? "—" : String(Math.round(value * 100)));
const describe = (note: AuditNote) => `${note.title}${note.detail ? ` (${note.detail})` : ""}`;

function toConsole(results: PageScores[]): string {
  return results
    .map((result) => {
      const scores = CATEGORIES.map((category) => `${category} ${score(result.scores[category])}`).join(", ");
      const line = `${result.page} · ${result.formFactor}: ${scores} (host CPU index ${Math.round(result.cpuIndex)})`;
      const errored = result.errored.map((note) => `    ? could not run: ${describe(note)}`);
      return [line, ...result.failing.map((note) => `    ✗ ${describe(note)}`), ...errored].join("\n");
    })
    .join("\n");
}

/** Audits that errored, grouped by their error: one cause, such as a Chromium newer than Lighthouse, often breaks several. */
function erroredSummary(results: PageScores[]): string[] {
  const byError = new Map<string, Set<string>>();
  for (const note of results.flatMap((result) => result.errored)) {
    const titles = byError.get(note.detail ?? "") ?? new Set<string>();
    byError.set(note.detail ?? "", titles.add(note.title));
  }
  return [...byError].map(([error, titles]) => `- ${[...titles].join("; ")}: ${error || "no message"}`);
}

function toMarkdown(results: PageScores[], baseUrl: string): string {
  const table = markdownTable(
    ["page", "form factor", "Performance", "Accessibility", "Best Practices", "SEO", "host CPU index"],
    results.map((result) => [
      `\`${result.page}\``,
      result.formFactor,
      ...CATEGORIES.map((category) => score(result.scores[category])),
      String(Math.round(result.cpuIndex)),
    ]),
  );
  const failures = results
    .filter((result) => result.failing.length > 0)
    .map((result) => `- \`${result.page}\` (${result.formFactor}): ${result.failing.map(describe).join("; ")}`);
  const errored = erroredSummary(results);
  return [
    "## Lighthouse 12.2.3",
    "",
    `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · commit ${gitCommit()} · ${baseUrl} · simulated throttling. ` +
      "Lighthouse warns of a slow host CPU below an index of 1,000; there the Performance score is pessimistic.",
    "",
    table,
    "",
    failures.length
      ? `Failing audits (score under ${PASSING_SCORE * 100}):\n\n${failures.join("\n")}`
      : "No failing audits.",
    ...(errored.length ? ["", "Audits that could not run, on one page or more:", "", ...errored] : []),
  ].join("\n");
}

const options = readOptions();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: CHROME_FLAGS,
});
try {
  const results: PageScores[] = [];
  for (const page of PAGES) {
    for (const formFactor of FORM_FACTORS) {
      console.error(`· ${page} (${formFactor.name})`);
      results.push(await audit(chrome.port, options.url + page, formFactor));
    }
  }
  console.log(toConsole(results));
  await writeSection(path.resolve(options.out), "lighthouse", toMarkdown(results, options.url));
  console.error(`· written to ${options.out}`);
} finally {
  chrome.kill();
}
