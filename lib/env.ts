import { z } from "zod";

/**
 * The one place that reads `process.env`. `next.config.ts` imports it, so a bad
 * environment stops the server at start with a message naming the variable.
 */
const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const envSchema = z.object({
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional(),
  ),
  // A streaming replica of DATABASE_URL: reader pages, feeds and search read from it (db/client.ts).
  DATABASE_REPLICA_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional(),
  ),
  // Next's page and data cache, shared by every app server (cache-handler.mjs); without it each keeps its own.
  REDIS_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
  ),
  PGLITE_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/pglite")),
  NEWSROOM_TIME_ZONE: z.preprocess(
    emptyAsUndefined,
    z.string().default("UTC").refine(isTimeZone, "must be an IANA time zone such as Europe/London"),
  ),
  // How old a story is, in months, before its page says "This article is more than … old".
  STORY_AGE_NOTICE_MONTHS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1200).default(12)),
  SITE_URL: z.preprocess(emptyAsUndefined, z.url().default("http://localhost:3000")),
  AUTH_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  // How many reverse proxies in front of `next start` append to X-Forwarded-For (lib/auth/client-address.ts).
  TRUSTED_PROXY_HOPS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(10).default(0)),
  AUTH_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, "must be at least 32 characters; generate one with `npx auth secret`").optional(),
  ),
});

/** Called when the server starts (not during `next build`, which needs no secret). */
export function assertServerEnvironment(): void {
  if (process.env.NODE_ENV === "production" && !process.env.AUTH_SECRET) {
    throw new Error(
      "AUTH_SECRET is not set. Staff sessions are signed with it: generate one with `npx auth secret` " +
        "(or `openssl rand -base64 32`) and set it in the environment.",
    );
  }
}

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const result = envSchema
    // A replica without its primary would leave the newsroom's writes nowhere to go.
    .refine((environment) => !environment.DATABASE_REPLICA_URL || environment.DATABASE_URL, {
      path: ["DATABASE_REPLICA_URL"],
      message: "needs DATABASE_URL, the primary it replicates",
    })
    .safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  return result.data;
}

export const env = parseEnv();
