import fs from "node:fs/promises";
import path from "node:path";

const PREAMBLE = `# Benchmarks

Written by \`npm run bench\` and \`npm run lighthouse\` (see \`bench/pages.ts\` and
\`bench/lighthouse.ts\`). Each run replaces its own section, so the file holds the latest run of
each configuration. The numbers come from whatever machine ran them, with the server and the load
generator sharing its cores: compare runs from one machine, not across machines.
`;

const markers = (key: string) => ({ start: `<!-- ${key} -->`, end: `<!-- /${key} -->` });

/** Puts `body` between the section's markers, in place of an earlier run or else at the end. */
export function replaceSection(document: string, key: string, body: string): string {
  const { start, end } = markers(key);
  const section = `${start}\n${body.trim()}\n${end}`;
  const from = document.indexOf(start);
  const to = document.indexOf(end, from);
  if (from >= 0 && to >= 0) return document.slice(0, from) + section + document.slice(to + end.length);
  return `${(document || PREAMBLE).trimEnd()}\n\n${section}\n`;
}

export async function writeSection(file: string, key: string, body: string): Promise<void> {
  const document = await fs.readFile(file, "utf8").catch(() => "");
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, replaceSection(document, key, body));
}

/** A Markdown table; cells are already formatted text. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
