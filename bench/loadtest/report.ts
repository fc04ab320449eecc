import { percentile } from "../lib/first-requests";
import type { Publication } from "./editor";
import { STABLE_GROWTH, type MemoryTrend } from "./memory-watch";
import type { ReaderResult } from "./readers";
import { isVisible, type Sighting } from "./sightings";

export type LoadTestRun = {
  date: Date;
  commit: string;
  database: string;
  server: string;
  machine: string;
  settings: { connections: number; duration: number; articles: number };
  readers: ReaderResult[];
  publications: Publication[];
  sightings: Sighting[];
  memory: MemoryTrend | { unknown: string };
};

export type Criterion = { name: string; passed: boolean | null; detail: string };

type Tally = {
  answers: number;
  seconds: number;
  latencies: number[];
  classes: Record<string, number>;
  errors: number;
  timeouts: number;
};

const whole = (value: number) => Math.round(value).toLocaleString("en-GB");
const ms = (value: number) =>
  Number.isNaN(value) ? "—" : value < 10 ? `${value.toFixed(1)} ms` : `${whole(value)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const megabytes = (value: number) => `${whole(value)} MB`;

function tally(results: ReaderResult[]): Tally {
  const classes: Record<string, number> = { "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0 };
  for (const result of results) {
    for (const [code, count] of Object.entries(result.statusCodes))
      classes[`${code[0]}xx`] = (classes[`${code[0]}xx`] ?? 0) + count;
  }
  return {
    answers: results.reduce((sum, result) => sum + result.latencies.length, 0),
    seconds: Math.max(...results.map((result) => result.seconds)),
    latencies: results.flatMap((result) => result.latencies).sort((a, b) => a - b),
    classes,
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    timeouts: results.reduce((sum, result) => sum + result.timeouts, 0),
  };
}

// Anything a reader would not count as a page: 1xx cannot end a request, so this is 4xx and 5xx.
const failedAnswers = (total: Tally) => total.answers - total.classes["2xx"]! - total.classes["3xx"]!;

const READER_HEADER = [
  "readers",
  "pages",
  "connections",
  "answers",
  "req/s",
  "p50",
  "p99",
  "2xx",
  "3xx",
  "4xx",
  "5xx",
  "errors",
  "timeouts",
];

function readerRow(label: string, pages: string, connections: number, total: Tally): string[] {
  const { classes } = total;
  return [
    label,
    pages,
    String(connections),
    whole(total.answers),
    whole(total.answers / total.seconds),
    ms(percentile(total.latencies, 0.5)),
    ms(percentile(total.latencies, 0.99)),
    whole(classes["2xx"]!),
    whole(classes["3xx"]!),
    whole(classes["4xx"]!),
    whole(classes["5xx"]!),
    whole(total.errors),
    whole(total.timeouts),
  ];
}

function readerRows(run: LoadTestRun): string[][] {
  const rows = run.readers.map((result) =>
    readerRow(result.label, String(result.paths.length), result.connections, tally([result])),
  );
  const pages = run.readers.reduce((sum, result) => sum + result.paths.length, 0);
  return [...rows, readerRow("all", String(pages), run.settings.connections, tally(run.readers))];
}

function memoryCriterion(memory: LoadTestRun["memory"]): Criterion {
  const name = `memory stable (end of load within ${STABLE_GROWTH * 100} % of the level after the warm-up)`;
  if ("unknown" in memory) return { name, passed: null, detail: `not measured: ${memory.unknown}` };
  const change = `${memory.growth >= 0 ? "+" : ""}${(memory.growth * 100).toFixed(0)} %`;
  return {
    name,
    passed: memory.stable,
    detail: `${megabytes(memory.settled)} → ${megabytes(memory.endOfLoad)} (${change})`,
  };
}

/** The pass criteria; `passed: null` means it could not be measured, which fails nothing. */
export function criteria(run: LoadTestRun): Criterion[] {
  const total = tally(run.readers);
  const outcomes = (outcome: Publication["outcome"]) =>
    run.publications.filter((publication) => publication.outcome === outcome).length;
  const visible = run.sightings.filter(isVisible).length;
  const wanted = run.settings.articles;
  return [
    { name: "no connection errors", passed: total.errors === 0, detail: whole(total.errors) },
    { name: "no 5xx", passed: total.classes["5xx"] === 0, detail: whole(total.classes["5xx"]!) },
    {
      name: "every answer 2xx or 3xx",
      passed: failedAnswers(total) === 0,
      detail: `${whole(failedAnswers(total))} other`,
    },
    {
      name: "no publication refused",
      passed: outcomes("failed") === 0,
      detail: `${outcomes("published")} confirmed, ${outcomes("unconfirmed")} unconfirmed (the editor stopped waiting), ${outcomes("failed")} failed`,
    },
    {
      name: `all ${wanted} stories visible afterwards (own page, section page, /rss.xml)`,
      passed: visible === wanted,
      detail: `${visible} of ${wanted}`,
    },
    memoryCriterion(run.memory),
  ];
}

export const passed = (run: LoadTestRun) => criteria(run).every((criterion) => criterion.passed !== false);

function publishLine({ publications }: LoadTestRun): string {
  const times = publications
    .flatMap((publication) => (publication.ms === undefined ? [] : [publication.ms]))
    .sort((a, b) => a - b);
  if (times.length === 0) return "Publish (Publish now → the story's edit page): none succeeded.";
  return `Publish (Publish now → the story's edit page): p50 ${seconds(percentile(times, 0.5))}, max ${seconds(times.at(-1)!)}; each: ${publications.map((publication) => (publication.ms === undefined ? publication.outcome : seconds(publication.ms))).join(", ")}.`;
}

function memoryLine({ memory }: LoadTestRun): string {
  if ("unknown" in memory) return `Server memory: not measured (${memory.unknown}).`;
  return `Server memory (resident, pid ${memory.pid} and its children, sampled every second): before the load ${megabytes(memory.before)}, after the warm-up ${megabytes(memory.settled)}, peak ${megabytes(memory.peak)}, end of load ${megabytes(memory.endOfLoad)}, after the checks ${megabytes(memory.afterChecks)}.`;
}

function problemLines(run: LoadTestRun): string[] {
  const failures = run.publications
    .filter((publication) => publication.error)
    .map((publication) => `Publication ${publication.outcome}: "${publication.headline}": ${publication.error}`);
  const missing = run.sightings
    .filter((sighting) => !isVisible(sighting))
    .map(
      ({ headline, articlePage, sectionPage, feed }) =>
        `Not visible: "${headline}" (own page ${articlePage ? "yes" : "no"}, section page ${sectionPage ? "yes" : "no"}, feed ${feed ? "yes" : "no"})`,
    );
  const errors = run.readers.flatMap((result) =>
    Object.entries(result.errorMessages).map(
      ([message, count]) => `Reader error on ${result.label}: ${message} × ${count}`,
    ),
  );
  const statuses = run.readers.flatMap((result) =>
    Object.entries(result.statusCodes)
      .filter(([code]) => !/^[23]/.test(code))
      .map(([code, count]) => `Status ${code} on ${result.label} × ${count}`),
  );
  return [...failures, ...missing, ...errors, ...statuses];
}

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join("  "),
    )
    .join("\n");
}

const mark = (criterion: Criterion) => (criterion.passed === null ? "n/a " : criterion.passed ? "pass" : "FAIL");

export function toConsole(run: LoadTestRun): string {
  const readersSeconds = Math.max(...run.readers.map((result) => result.seconds));
  const stretched =
    readersSeconds > run.settings.duration + 2
      ? ` (longer than --duration ${run.settings.duration}: the readers kept on until the editor was done)`
      : "";
  return [
    `Load test ${run.date.toISOString().slice(0, 16).replace("T", " ")} UTC · commit ${run.commit} · database ${run.database} · ${run.server}`,
    `Machine: ${run.machine}`,
    `${run.settings.connections} readers for ${readersSeconds.toFixed(0)} s${stretched}, requests ask for gzip; pages per kind:`,
    ...run.readers.map((result) => `  ${result.label}: ${result.paths.join(" ")}`),
    "",
    pad([READER_HEADER, ...readerRows(run)]),
    "",
    publishLine(run),
    memoryLine(run),
    ...problemLines(run),
    "",
    ...criteria(run).map((criterion) => `${mark(criterion)}  ${criterion.name}: ${criterion.detail}`),
    passed(run) ? "PASSED" : "FAILED",
  ].join("\n");
}
