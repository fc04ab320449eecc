/**
 * Imports newsroom plain-text stories into `content/` as MDX articles.
 *
 *   tsx scripts/import-article.ts [--out DIR] [--author NAME] [--tags "A, B"] [--force] <file.txt>...
 *
 * Every file is tried even when an earlier one fails, so one run reports all
 * the problems in a batch; the exit code is non-zero if any file failed.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { decodeArticleBytes } from "@/lib/article-import/decode-article";
import { parseArticle, ArticleFormatError } from "@/lib/article-import/parse-article";
import { articleToMdx, type ImportedByline } from "@/lib/article-import/article-to-mdx";

const USAGE =
  'usage: tsx scripts/import-article.ts [--out DIR] [--author NAME] [--tags "A, B"] [--force] <file.txt>...';
const EXIT_FAILED_ARTICLE = 1;
const EXIT_USAGE = 2;

interface ImportOptions {
  outDir: string;
  byline: ImportedByline;
  force: boolean;
}

function readCommandLine(): { files: string[]; options: ImportOptions } {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: "string", default: "content" },
      author: { type: "string", default: "Newsroom Staff" },
      tags: { type: "string", default: "" },
      force: { type: "boolean", default: false },
    },
  });
  return {
    files: positionals,
    options: {
      outDir: values.out,
      byline: { author: values.author.trim(), tags: splitTags(values.tags) },
      force: values.force,
    },
  };
}

function splitTags(list: string): string[] {
  return list
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
}

function isAlreadyThere(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "EEXIST";
}

function describeFailure(file: string, error: unknown): string {
  if (error instanceof ArticleFormatError) return `${file}:${error.line}: ${error.reason}`;
  return `${file}: ${errorMessage(error)}`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Converts one story fully in memory before writing, so a bad story never leaves a file behind. */
async function importArticleFile(file: string, options: ImportOptions, writtenThisRun: Set<string>): Promise<string> {
  const article = parseArticle(decodeArticleBytes(await readFile(file)));
  const { slug, mdx } = articleToMdx(article, options.byline);
  const target = path.join(options.outDir, `${slug}.mdx`);

  // --force replaces yesterday's import, not another story from this same batch.
  if (writtenThisRun.has(target)) {
    throw new Error(`another story in this run already wrote ${target}; the headlines give the same slug`);
  }
  try {
    await writeFile(target, mdx, { flag: options.force ? "w" : "wx" });
  } catch (error) {
    if (isAlreadyThere(error)) throw new Error(`${target} already exists; use --force to replace it`);
    throw error;
  }
  writtenThisRun.add(target);
  return target;
}

async function main(): Promise<number> {
  let commandLine: ReturnType<typeof readCommandLine>;
  try {
    commandLine = readCommandLine();
  } catch (error) {
    console.error(`${errorMessage(error)}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { files, options } = commandLine;
  if (files.length === 0) {
    console.error(USAGE);
    return EXIT_USAGE;
  }

  await mkdir(options.outDir, { recursive: true });
  const writtenThisRun = new Set<string>();
  let failures = 0;
  for (const file of files) {
    try {
      console.log(`wrote ${await importArticleFile(file, options, writtenThisRun)}`);
    } catch (error) {
      failures++;
      console.error(describeFailure(file, error));
    }
  }
  return failures === 0 ? 0 : EXIT_FAILED_ARTICLE;
}

process.exitCode = await main();
