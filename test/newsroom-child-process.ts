import { spawn, type ChildProcess } from "node:child_process";

/** One line test/newsroom-child.ts printed. */
export type ChildEvent = Record<string, unknown>;

export type NewsroomChild = {
  process: ChildProcess;
  events: ChildEvent[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
};

// tsx compiles the TypeScript; react-server makes "server-only" importable, as under Next.
const NODE_ARGS = [
  "--conditions=react-server",
  "--import",
  "tsx",
  "--import",
  "./test/staff-session-hooks.mjs",
  "test/newsroom-child.ts",
];

function asEvent(line: string): ChildEvent | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === "object" ? (value as ChildEvent) : undefined;
  } catch {
    return undefined;
  }
}

/** Starts test/newsroom-child.ts with `args`, this process's environment and `env` on top. */
export function startNewsroomChild(args: string[], env: Record<string, string>): NewsroomChild {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const events: ChildEvent[] = [];
  let pending = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      // A library may print a stray line; only the child's own JSON lines are events.
      const event = asEvent(line);
      if (event) events.push(event);
    }
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.once("close", (code, signal) => resolve({ code, signal, stderr }));
  });
  return { process: child, events, exited };
}

/** Runs the child to the end and returns what it printed; a failure carries its stderr. */
export async function runNewsroomChild(args: string[], env: Record<string, string>): Promise<ChildEvent[]> {
  const child = startNewsroomChild(args, env);
  const { code, signal, stderr } = await child.exited;
  if (code !== 0)
    throw new Error(`newsroom child "${args.join(" ")}" ended with ${signal ?? `code ${code}`}:\n${stderr}`);
  return child.events;
}
