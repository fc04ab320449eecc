/**
 * After the load: is every story where readers look for it? Its own page, its section's first
 * page and the site feed, asked for as a reader would, with no cache bypassed. Stories whose
 * publication the editor never saw confirmed are looked for too, at the address their headline
 * gives them: only the site can say whether they were lost.
 */
import { BROWSER_HEADERS } from "../lib/http";
import { articleSlug, sectionSlug } from "@/lib/slugs";
import type { Publication } from "./editor";

export type Sighting = { headline: string; articlePage: boolean; sectionPage: boolean; feed: boolean };

// Readers are to see a publication within a second (the design's caching contract); this much longer
// keeps a story that is merely late from counting as lost.
const LOOK_FOR_MS = 60_000;
const LOOK_AGAIN_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A page that does not answer at all counts as not showing the story, so a hung server ends the look. */
async function shows(url: string, headline: string): Promise<boolean> {
  try {
    const response = await fetch(url, { headers: BROWSER_HEADERS, signal: AbortSignal.timeout(LOOK_FOR_MS) });
    return response.status === 200 && (await response.text()).includes(headline);
  } catch {
    return false;
  }
}

async function lookFor(
  baseUrl: string,
  { headline, section, articlePath = `/articles/${articleSlug(headline)}` }: Publication,
): Promise<Sighting> {
  const sighting = { headline, articlePage: false, sectionPage: false, feed: false };
  const started = performance.now();
  do {
    sighting.articlePage ||= await shows(baseUrl + articlePath, headline);
    sighting.sectionPage ||= await shows(`${baseUrl}/category/${sectionSlug(section)}`, headline);
    sighting.feed ||= await shows(`${baseUrl}/rss.xml`, headline);
    if (isVisible(sighting)) return sighting;
    await sleep(LOOK_AGAIN_MS);
  } while (performance.now() - started < LOOK_FOR_MS);
  return sighting;
}

export const isVisible = (sighting: Sighting) => sighting.articlePage && sighting.sectionPage && sighting.feed;

export function lookForArticles(baseUrl: string, publications: Publication[]): Promise<Sighting[]> {
  return Promise.all(publications.map((publication) => lookFor(baseUrl, publication)));
}
