/**
 * Each cached reader page against a static file of the same bytes, served by the same `next start`:
 *   npm run bench:same-bytes -- --write [--url http://127.0.0.1:3000]   copies the pages into public/
 *   (restart the server: `next start` lists public/ when it starts)
 *   npm run bench:same-bytes -- [--url …] [--duration 10] [--connections 20]
 * A page and its copy differ only in what serving a cache hit costs over serving a file, so the
 * ratio is the origin's overhead, with gzip (the server compresses both on every request) and without.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { gitCommit } from "./lib/git";
import { markdownTable, writeSection } from "./lib/markdown-section";
import { findTargets } from "./lib/site";

// Issue 17's target: a cached page at 0.6 × or better of a static file of the same bytes.
const TARGET_RATIO = 0.6;
const COPIES = "bench-same-bytes";
const WARM_UP_SECONDS = 3;

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3000" },
    write: { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    out: { type: "string", default: "docs/BENCHMARKS.md" },
  },
});
const baseUrl = values.url!.replace(/\/+$/, "");
const copiesDir = path.join(process.cwd(), "public", COPIES);

const targets = await findTargets(baseUrl, { section: "conflicts" });
const pages = [
  { label: "home", path: targets.homePath, file: "home.html" },
  { label: "section", path: targets.sectionPath, file: "section.html" },
  { label: "tag", path: targets.tagPath, file: "tag.html" },
  { label: "article", path: targets.articlePath, file: "article.html" },
  { label: "RSS", path: targets.feedPath, file: "rss.xml" },
];

async function body(url: string): Promise<Buffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

async function requestsPerSecond(url: string, encoding: string): Promise<number> {
  const options = { url, connections: Number(values.connections), headers: { "accept-encoding": encoding } };
  await autocannon({ ...options, duration: WARM_UP_SECONDS });
  const result = await autocannon({ ...options, duration: Number(values.duration) });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.total / result.duration;
}

if (values.write) {
  await fs.mkdir(copiesDir, { recursive: true });
  for (const page of pages) await fs.writeFile(path.join(copiesDir, page.file), await body(baseUrl + page.path));
  console.log(`Copied ${pages.length} pages into public/${COPIES}/: restart the server, then run without --write.`);
  process.exit(0);
}

const rows: string[][] = [];
for (const page of pages) {
  const copyUrl = `${baseUrl}/${COPIES}/${page.file}`;
  const [served, copied] = await Promise.all([body(baseUrl + page.path), body(copyUrl)]);
  // A page that changed since it was copied would be compared with other bytes: say so, and copy again.
  if (!served.equals(copied)) throw new Error(`${page.path} changed since it was copied: run with --write again`);
  for (const encoding of ["identity", "gzip"]) {
    console.error(`· ${page.path} and its copy, ${encoding}`);
    const pageRate = await requestsPerSecond(baseUrl + page.path, encoding);
    const fileRate = await requestsPerSecond(copyUrl, encoding);
    const ratio = pageRate / fileRate;
    rows.push([
      page.label,
      `${(served.length / 1000).toFixed(1)} kB`,
      encoding === "gzip" ? "gzip" : "plain",
      Math.round(pageRate).toLocaleString("en-GB"),
      Math.round(fileRate).toLocaleString("en-GB"),
      ratio.toFixed(2),
      ratio >= TARGET_RATIO ? "yes" : "**no**",
    ]);
  }
}

const table = markdownTable(
  ["page", "bytes", "encoding", "page req/s", "same-bytes file req/s", "ratio", `≥ ${TARGET_RATIO}?`],
  rows,
);
const section = [
  "## A cached page against a static file of the same bytes (issue 17)",
  "",
  `\`npm run bench:same-bytes\` at ${gitCommit()}, ${new Date().toISOString().slice(0, 10)}: ${values.connections} ` +
    `connections, ${values.duration} s per URL after a ${WARM_UP_SECONDS} s warm-up, page and copy served by one \`next start\`.`,
  "",
  table,
].join("\n");
console.log(table);
await writeSection(path.resolve(values.out!), "same-bytes", section);
