/**
 * Just enough HTML and XML reading for the benchmark: the pages are React's own output, so tags
 * and double-quoted attributes are regular; a real parser would be one more dependency.
 */
type Attributes = Record<string, string>;

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&quot;": '"',
  "&#x27;": "'",
  "&#39;": "'",
  "&lt;": "<",
  "&gt;": ">",
};

function decodeEntities(text: string): string {
  return text.replace(/&(amp|quot|#x27|#39|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}

function attributesOf(tag: string): Attributes {
  const attributes: Attributes = {};
  for (const [, name, value] of tag.matchAll(/\s([a-zA-Z][\w:-]*)(?:="([^"]*)")?/g)) {
    attributes[name!.toLowerCase()] = decodeEntities(value ?? "");
  }
  return attributes;
}

/** The attributes of every opening `<name …>` tag, in document order. */
export function tagsNamed(html: string, name: string): Attributes[] {
  return [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, "gi"))].map(([tag]) => attributesOf(tag));
}

/** Every link target on a page whose path starts with `prefix`, first occurrence first. */
export function linksStartingWith(html: string, prefix: string): string[] {
  const hrefs = tagsNamed(html, "a").map((a) => a.href ?? "");
  return [...new Set(hrefs.filter((href) => href.startsWith(prefix)))];
}

export function relNextLink(html: string): string | undefined {
  return tagsNamed(html, "a").find((a) => a.rel?.split(/\s+/).includes("next"))?.href;
}

export type ScriptReference = { src: string; noModule: boolean };

/** Scripts a page loads: `<script src>` and script preloads, each once. */
export function scriptReferences(html: string): ScriptReference[] {
  const scripts = tagsNamed(html, "script")
    .filter((script) => script.src)
    .map((script) => ({ src: script.src!, noModule: "nomodule" in script }));
  const preloads = tagsNamed(html, "link")
    .filter((link) => link.rel === "modulepreload" || (link.rel === "preload" && link.as === "script"))
    .map((link) => ({ src: link.href ?? "", noModule: false }));
  const bySource = new Map<string, ScriptReference>();
  for (const reference of [...scripts, ...preloads])
    if (!bySource.has(reference.src)) bySource.set(reference.src, reference);
  return [...bySource.values()];
}

/** The text of every `<loc>` in a sitemap or sitemap index. */
export function sitemapLocations(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)].map(([, location]) => decodeEntities(location!));
}

export function isSitemapIndex(xml: string): boolean {
  return /<sitemapindex\b/.test(xml);
}
