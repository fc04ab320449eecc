import { z } from "zod";
import { count, readCommandLine } from "../lib/command-line";

export const USAGE = `Usage: npm run loadtest -- [--connections 200] [--duration 60] [--stories 20] [--url URL]
Readers load home, sections, articles and the RSS feed for --duration seconds, and for as long as
an editor in Chromium takes to publish --stories new stories; then every story must be on the site.
Exits with status 1 when a criterion fails.
Without --url it builds nothing but starts \`next start\` from this checkout's build on a fresh
database: PGlite in a temporary directory, or a new PostgreSQL database when DATABASE_URL is set.
With --url it loads a running server and signs in as BENCH_STAFF_EMAIL / BENCH_STAFF_PASSWORD
(an editor or admin); its stories go to the trash afterwards.`;

const optionsSchema = z.object({
  url: z
    .url("--url must be a URL such as http://127.0.0.1:3000")
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  connections: count("--connections", 10_000)
    .min(4, "--connections must be at least 4, one for each kind of page")
    .default(200),
  duration: count("--duration", 3600).default(60),
  articles: count("--stories", 1000).default(20),
});

export type LoadTestOptions = z.infer<typeof optionsSchema>;

const flags = {
  url: { type: "string" },
  connections: { type: "string" },
  duration: { type: "string" },
  articles: { type: "string" },
  help: { type: "boolean" },
} as const;

/** The command line, checked; a mistake prints the usage and exits with status 2. */
export function readOptions(argv = process.argv.slice(2)): LoadTestOptions {
  return readCommandLine({ flags, schema: optionsSchema, usage: USAGE, argv });
}
