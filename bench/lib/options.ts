import { z } from "zod";
import { count, readCommandLine } from "./command-line";

export const USAGE = `Usage: npm run bench -- [--url http://127.0.0.1:3000] [--duration 10] [--connections 50]
       [--via-nginx | --cluster http://127.0.0.1:3001] [--out docs/BENCHMARKS.md] [--pid PID] [--database NAME]
       [--section conflicts] [--search WORD] [--articles 30] [--depth 500]
Measures a running production server (next build && next start); builds nothing.
--cluster names a second server of the same build, database and REDIS_URL: nginx then balances
across both (docs/DEPLOY.md) and the figures are through it.
Publish→visible runs when BENCH_STAFF_EMAIL and BENCH_STAFF_PASSWORD name an editor or admin.`;

const optionsSchema = z.object({
  url: z
    .url("--url must be a URL such as http://127.0.0.1:3000")
    .default("http://127.0.0.1:3000")
    .transform((url) => url.replace(/\/+$/, "")),
  duration: count("--duration", 3600).default(10),
  connections: count("--connections", 10_000).default(50),
  viaNginx: z.boolean().default(false),
  cluster: z
    .url("--cluster must be the second server's URL, such as http://127.0.0.1:3001")
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  out: z.string().default("docs/BENCHMARKS.md"),
  pid: count("--pid", 2 ** 22).optional(),
  database: z.string().optional(),
  section: z
    .string()
    .regex(/^[a-z0-9-]+$/, "--section is a section slug such as conflicts")
    .default("conflicts"),
  search: z.string().min(1).optional(),
  articles: count("--articles", 10_000).default(30),
  depth: count("--depth", 100_000).default(500),
});

// nginx is started here and proxies to 127.0.0.1, so it can only stand in front of a local server.
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const isLocal = (url: string) => LOCAL_HOSTS.has(new URL(url).hostname);
const checkedOptionsSchema = optionsSchema
  .refine((options) => !(options.viaNginx || options.cluster) || isLocal(options.url), {
    message: "--via-nginx and --cluster need --url to be a server on this machine (127.0.0.1 or localhost)",
  })
  .refine((options) => !options.cluster || isLocal(options.cluster), {
    message: "--cluster must be a server on this machine (127.0.0.1 or localhost)",
  })
  .refine((options) => !(options.cluster && options.viaNginx), {
    message: "--cluster already goes through nginx; leave out --via-nginx",
  });

export type BenchOptions = z.infer<typeof optionsSchema>;

const flags = {
  url: { type: "string" },
  duration: { type: "string" },
  connections: { type: "string" },
  "via-nginx": { type: "boolean" },
  cluster: { type: "string" },
  out: { type: "string" },
  pid: { type: "string" },
  database: { type: "string" },
  section: { type: "string" },
  search: { type: "string" },
  articles: { type: "string" },
  depth: { type: "string" },
  help: { type: "boolean" },
} as const;

/** The command line, checked; a mistake prints the usage and exits with status 2. */
export function readOptions(argv = process.argv.slice(2)): BenchOptions {
  return readCommandLine({
    flags,
    schema: checkedOptionsSchema,
    usage: USAGE,
    input: (values) => ({ ...values, viaNginx: values["via-nginx"] }),
    argv,
  });
}
