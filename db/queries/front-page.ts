import "server-only";
import { and, asc, desc, eq, notInArray } from "drizzle-orm";
import { getReaderDb } from "../client";
import { articles, frontPagePicks, sections } from "../schema";
import { isPublicArticle, selectArticleSummaries, toArticleSummary, type ArticleSummary } from "./public-articles";

/** The lead and the stories beside it: what editors chose, topped up with the newest. */
export const FRONT_PAGE_TOP_STORIES = 7;
const SECTION_BLOCK_STORIES = 4;

export type FrontPage = {
  /** The lead first, then the other top stories; each appears nowhere else on the page. */
  top: ArticleSummary[];
  sections: Array<{ section: { slug: string; name: string }; articles: ArticleSummary[] }>;
};

export const newestFirst = [desc(articles.publishedAt), desc(articles.id)] as const;

/**
 * The front page as readers see it. Editors' picks lead, in their order, and only while readers can
 * see them (an unpublished or trashed pick drops out at once); the newest stories fill the rest of
 * the top; each section's block shows its newest stories not already above.
 */
export async function getFrontPage(): Promise<FrontPage> {
  const picked = await selectArticleSummaries({})
    .innerJoin(frontPagePicks, eq(frontPagePicks.articleId, articles.id))
    .where(isPublicArticle)
    .orderBy(asc(frontPagePicks.position))
    .limit(FRONT_PAGE_TOP_STORIES);
  const pickedIds = picked.map((row) => row.id);
  const newest = await selectArticleSummaries({})
    .where(and(isPublicArticle, pickedIds.length > 0 ? notInArray(articles.id, pickedIds) : undefined))
    .orderBy(...newestFirst)
    .limit(FRONT_PAGE_TOP_STORIES - picked.length);
  const top = [...picked, ...newest].map(toArticleSummary);
  return { top, sections: await listSectionBlocks(top.map((article) => article.id)) };
}

async function listSectionBlocks(shownAbove: string[]): Promise<FrontPage["sections"]> {
  const sectionRows = await getReaderDb()
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .orderBy(sections.position, sections.name);
  const notAbove = shownAbove.length > 0 ? notInArray(articles.id, shownAbove) : undefined;
  const blocks = await Promise.all(
    sectionRows.map(async (section) => {
      const rows = await selectArticleSummaries({})
        .where(and(isPublicArticle, eq(articles.sectionId, section.id), notAbove))
        .orderBy(...newestFirst)
        .limit(SECTION_BLOCK_STORIES);
      return { section: { slug: section.slug, name: section.name }, articles: rows.map(toArticleSummary) };
    }),
  );
  return blocks.filter((block) => block.articles.length > 0);
}
