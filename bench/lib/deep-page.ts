/**
 * A section's first page against one far down its archive. Pagination is reached only through
 * `rel="next"` links, whatever their URLs look like (`?page=N` or a cursor path), and the deep page
 * is timed on its first request, as a crawler walking the archive would meet it.
 */
import { relNextLink } from "./html";
import { timedGet } from "./http";

export type FirstPage = { path: string; ms: number; cache: string };
export type DeepPage = FirstPage & { depth: number; isLastPage: boolean };

async function getPage(baseUrl: string, path: string) {
  const response = await timedGet(baseUrl + path);
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return response;
}

function nextPath(html: string, currentUrl: string): string | undefined {
  const href = relNextLink(html);
  if (!href) return undefined;
  const url = new URL(href, currentUrl);
  return url.pathname + url.search;
}

/**
 * Follows the section's next links to page `maxDepth` without requesting it, then requests it.
 * A shorter archive ends at its last page, whose first request is the one made while walking.
 */
export async function walkToDeepPage(baseUrl: string, sectionPath: string, maxDepth: number): Promise<DeepPage> {
  let path = sectionPath;
  for (let depth = 1; depth < maxDepth; depth++) {
    const page = await getPage(baseUrl, path);
    const next = nextPath(page.body, baseUrl + path);
    if (!next) return { path, depth, ms: page.ms, cache: page.cache, isLastPage: true };
    path = next;
  }
  const target = await getPage(baseUrl, path);
  return {
    path,
    depth: maxDepth,
    ms: target.ms,
    cache: target.cache,
    isLastPage: !nextPath(target.body, baseUrl + path),
  };
}

export async function timeFirstPage(baseUrl: string, path: string): Promise<FirstPage> {
  const { ms, cache } = await getPage(baseUrl, path);
  return { path, ms, cache };
}
