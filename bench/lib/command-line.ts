import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";

/** A whole-number flag between 1 and `max`, refused in words that name the flag. */
export const count = (flag: string, max: number) =>
  z.coerce
    .number(`${flag} must be a number`)
    .int(`${flag} must be a whole number`)
    .min(1, `${flag} must be at least 1`)
    .max(max, `${flag} is at most ${max}`);

type CommandLine<T> = {
  flags: NonNullable<ParseArgsConfig["options"]>;
  schema: z.ZodType<T>;
  usage: string;
  /** Turns parsed flags into the schema's input, where flag and option names differ. */
  input?: (values: Record<string, unknown>) => unknown;
  argv?: string[];
};

/** The benchmark scripts' command line, checked; a mistake prints the usage and exits with status 2. */
export function readCommandLine<T>({
  flags,
  schema,
  usage,
  input = (values) => values,
  argv = process.argv.slice(2),
}: CommandLine<T>): T {
  try {
    const { values } = parseArgs({ args: argv, options: flags });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    const parsed = schema.safeParse(input(values));
    if (parsed.success) return parsed.data;
    console.error(parsed.error.issues.map((issue) => issue.message).join("\n"));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
  }
  console.error(usage);
  process.exit(2);
}
