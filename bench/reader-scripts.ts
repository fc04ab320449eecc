/**
 * The JavaScript each kind of reader page makes a browser download, gzipped, from a running server:
 *   npm run bench:scripts -- [--url http://127.0.0.1:3000]
 * A size, not a time: the same build gives the same figures on any machine.
 */
import { parseArgs } from "node:util";
import { measureScriptWeight } from "./lib/script-weight";
import { findTargets } from "./lib/site";

const { values } = parseArgs({ options: { url: { type: "string", default: "http://127.0.0.1:3000" } } });
const baseUrl = values.url!.replace(/\/$/, "");
const targets = await findTargets(baseUrl, { section: "conflicts" });
// The commissioned story has a lead photo, so its page shows what a photo costs a reader.
const commissioned = "/articles/ukraine-to-receive-nato-support-and-membership-after-conflict";
const pages = [
  { label: "home", path: targets.homePath },
  { label: "section", path: targets.sectionPath },
  { label: "article", path: targets.articlePath },
  { label: "article with a lead photo", path: commissioned },
  // The sample live story: its entries, and the island that offers new ones while coverage runs.
  { label: "live coverage", path: "/articles/live-ceasefire-talks-open-in-the-border-town-of-ravensk" },
  { label: "tag", path: targets.tagPath },
  { label: "search", path: targets.searchPath },
];
console.log("| page | path | scripts | gzipped |");
console.log("| --- | --- | --- | --- |");
for (const page of pages) {
  const weight = await measureScriptWeight(baseUrl, page.path);
  const kilobytes = (weight.gzipBytes / 1000).toFixed(1);
  console.log(`| ${page.label} | \`${page.path}\` | ${weight.scripts} | ${kilobytes} kB |`);
}
