/**
 * What compiling a story costs per save (issue 12): the compile in its own process, where no
 * secret is in reach (lib/mdx/isolated-compiler/), against mdx-bundler in the server's process as
 * it ran before. `npm run bench:compile` prints the numbers and writes them into docs/BENCHMARKS.md.
 */
import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import { loadNewsroomContent } from "@/lib/content/load";
import { compileArticle } from "@/lib/mdx/compile";
import { gitCommit } from "./lib/git";
import { markdownTable, writeSection } from "./lib/markdown-section";

const ROUNDS = 50;

const milliseconds = (value: number) => `${value.toFixed(1)} ms`;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

async function rounds(action: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) times.push(await timed(action));
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

const inServerProcess = (source: string) =>
  bundleMDX({
    source,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
      return options;
    },
    esbuildOptions(options) {
      options.minify = true;
      return options;
    },
  });

const { articles } = await loadNewsroomContent(path.join(process.cwd(), "content"));
const article = articles.reduce((longest, article) => (article.body.length > longest.body.length ? article : longest));
const words = article.body.split(/\s+/).filter(Boolean).length;

const firstIsolated = await timed(() => compileArticle(article.body));
const isolated = await rounds(() => compileArticle(article.body));
const firstInProcess = await timed(() => inServerProcess(article.body));
const inProcess = await rounds(() => inServerProcess(article.body));

const rows = [
  [
    "checked, then compiled in the compiler process (now)",
    milliseconds(firstIsolated),
    milliseconds(isolated.median),
    milliseconds(isolated.p95),
  ],
  [
    "mdx-bundler in the server's process (before)",
    milliseconds(firstInProcess),
    milliseconds(inProcess.median),
    milliseconds(inProcess.p95),
  ],
];
const body = `## Compile cost per save (issue 12)

\`npm run bench:compile\` at ${gitCommit()}, ${new Date().toISOString().slice(0, 10)}: the longest story in content/ (${words} words), compiled ${ROUNDS} times after a first compile. The first compile in the compiler process includes bundling its code, starting it and loading esbuild's WebAssembly; a server pays it once.

${markdownTable(["compile", "first", "median", "p95"], rows)}
`;
console.log(body);
await writeSection(path.join(process.cwd(), "docs", "BENCHMARKS.md"), "compile-cost", body);
