/**
 * Fills the configured database with invented newsroom stories, for benchmarks:
 *   npm run db:fake -- --articles 100000 [--seed 42]
 * It adds to what is there; the same seed writes the same stories again.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDatabase, databaseDriver, migrateDatabase } from "@/db/client";
import { fakeNewsroom, type FakeNewsroomProgress } from "./fake-newsroom";

const USAGE = "Usage: npm run db:fake -- [--articles N] [--seed N]";
const PROGRESS_EVERY = 10_000;

const argsSchema = z.object({
  articles: z.coerce
    .number("--articles must be a number")
    .int("--articles must be a whole number")
    .min(1, "--articles must be at least 1")
    .max(10_000_000, "--articles is limited to 10,000,000 a run")
    .default(1_000),
  seed: z.coerce
    .number("--seed must be a number")
    .int("--seed must be a whole number")
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});

function readArgs(): z.infer<typeof argsSchema> {
  try {
    const { values } = parseArgs({ options: { articles: { type: "string" }, seed: { type: "string" } } });
    const args = argsSchema.safeParse(values);
    if (args.success) return args.data;
    console.error(args.error.issues.map((issue) => issue.message).join("\n"));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
  }
  console.error(USAGE);
  process.exit(2);
}

const number = (value: number) => Math.round(value).toLocaleString("en-GB");

let printedUpTo = 0;

function printProgress({ inserted, total, articlesPerSecond }: FakeNewsroomProgress): void {
  if (inserted < printedUpTo + PROGRESS_EVERY && inserted !== total) return;
  printedUpTo = inserted;
  console.log(`  ${number(inserted)} / ${number(total)} articles · ${number(articlesPerSecond)} articles/s`);
}

// Drizzle's message holds the whole failed query with every parameter (megabytes of stories);
// the database's own words are in the cause.
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}

const args = readArgs();
try {
  await migrateDatabase();
  console.log(`Adding ${number(args.articles)} invented articles to ${databaseDriver()}…`);
  const report = await fakeNewsroom({ ...args, onProgress: printProgress });
  console.log(
    [
      `Added ${number(report.articles)} articles (${number(report.drafts)} drafts) in ${report.insertSeconds.toFixed(1)} s: ${number(report.articlesPerSecond)} articles/s.`,
      `Newsroom: ${report.sections} sections, ${number(report.tags)} tags, ${report.authors} bylines, ${report.photos} photos; ${report.bodies} bodies compiled, prepared in ${report.prepareSeconds.toFixed(1)} s.`,
      `Seed ${report.seed}: run again with --seed ${report.seed} for the same stories.`,
    ].join("\n"),
  );
} catch (error) {
  console.error(describeFailure(error));
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
