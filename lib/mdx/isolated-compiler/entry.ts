/**
 * The compiler process: takes a story's text over IPC, compiles it with mdx-bundler and sends
 * back the code. It runs with no environment, may read only its own bundle and esbuild.wasm, and
 * may write no file and start no process (compiler-process.ts), so a hole in gray-matter,
 * remark or esbuild that runs a story's text as code finds nothing to take and nowhere to put it.
 */
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import { remarkArticleGuard, type MdxIssue } from "../safety";
import type { CompileReply, CompileRequest } from "./messages";

const FRONT_MATTER_REFUSED = "1:1: A story cannot carry front matter (a block between --- lines at the top).";

function refuseFrontMatter(): never {
  throw new Error(FRONT_MATTER_REFUSED);
}

// Stored stories carry no front matter, and the guard refuses it before text gets here. Should any
// reach gray-matter all the same, every engine it could pick refuses instead of reading, or running, it.
const noFrontMatterEngines = Object.fromEntries(
  ["yaml", "yml", "json", "javascript", "js", "coffee", "coffeescript", "cson", "toml"].map((name) => [
    name,
    refuseFrontMatter,
  ]),
);

async function compile(source: string): Promise<string> {
  const { code } = await bundleMDX({
    source,
    grayMatterOptions: (options) => ({ ...options, language: "yaml", engines: noFrontMatterEngines }),
    mdxOptions(options) {
      options.remarkPlugins = [remarkArticleGuard, ...(options.remarkPlugins ?? []), remarkGfm];
      return options;
    },
    esbuildOptions(options) {
      options.minify = true;
      options.target = ["es2022"];
      return options;
    },
  });
  return code;
}

/** The guard's and the front-matter refusal's "line:column: message", however esbuild wrapped it. */
function refusalIn(error: unknown): MdxIssue | null {
  const texts = [(error as { errors?: Array<{ text?: string }> }).errors?.[0]?.text, (error as Error).message];
  for (const text of texts) {
    const match = /(?:^|\s)(\d+):(\d+): ([\s\S]+)$/.exec(text ?? "");
    if (match) return { line: Number(match[1]), column: Number(match[2]), message: match[3]!.trim() };
  }
  return null;
}

let queue: Promise<unknown> = Promise.resolve();

async function answer({ id, source }: CompileRequest): Promise<CompileReply> {
  try {
    return { id, status: "compiled", code: await compile(source) };
  } catch (error) {
    const issue = refusalIn(error);
    return issue
      ? { id, status: "refused", issue }
      : { id, status: "failed", message: String((error as Error).message ?? error) };
  }
}

process.on("message", (request: CompileRequest) => {
  // One at a time: a story's compile never shares the process's moment with another's.
  queue = queue.then(() => answer(request)).then((reply) => process.send?.(reply));
});
process.on("disconnect", () => process.exit(0));
// Loading esbuild's WebAssembly takes about a second: pay it before the first story waits on it.
void compile("Ready.\n").then(() => process.send?.({ status: "ready" } satisfies CompileReply));
