/**
 * `npm run db:explain`: runs every public query the reader pages, feeds and sitemaps make against
 * the configured database, and writes PostgreSQL's EXPLAIN ANALYZE of each to docs/QUERY-PLANS.md,
 * so "every public query is served by an index" is something to read, not to believe.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { closeDatabase, databaseDriver, explainQuery, recordQueries } from "@/db/client";
import {
  getPublishedArticle,
  listAuthorArticles,
  listLatestArticles,
  listRelatedArticles,
  listSectionArticles,
  listTagArticles,
  type ArticleSummary,
} from "@/db/queries/articles";
import { getAuthorProfile } from "@/db/queries/authors";
import { getFrontPage } from "@/db/queries/front-page";
import { listFeedArticles } from "@/db/queries/feeds";
import { searchArticles } from "@/db/queries/search";
import { getSection, listSections } from "@/db/queries/sections";
import {
  countSitemapArticles,
  listRecentNewsArticles,
  listSitemapArticles,
  listSitemapListings,
} from "@/db/queries/sitemap";
import { getTag } from "@/db/queries/tags";

const DEEP_PAGE = 500;
const OUTPUT = "docs/QUERY-PLANS.md";

type Step = { name: string; run: () => Promise<unknown> };

/** Follows "older stories" links the way a reader would, to the cursor of page `page`. */
async function cursorOfPage(sectionId: string, page: number): Promise<{ cursor: string | undefined; reached: number }> {
  let cursor: string | undefined;
  let reached = 1;
  while (reached < page) {
    const listing = await listSectionArticles({ sectionId, before: cursor });
    if (!listing.olderCursor) break;
    cursor = listing.olderCursor;
    reached++;
  }
  return { cursor, reached };
}

/** The tag most of the newest stories carry, and one only a single story carries. */
async function busyAndQuietTags(articles: ArticleSummary[]) {
  const uses = new Map<string, number>();
  for (const summary of articles) {
    const article = await getPublishedArticle({ slug: summary.slug });
    for (const tag of article?.tags ?? []) uses.set(tag.slug, (uses.get(tag.slug) ?? 0) + 1);
  }
  const ranked = [...uses.entries()].sort((a, b) => b[1] - a[1]);
  return { busy: ranked[0]?.[0], quiet: ranked.at(-1)?.[0] };
}

async function readerSteps(): Promise<Step[]> {
  const latest = await listLatestArticles({ limit: 50 });
  const lead = latest[0];
  if (!lead) throw new Error("The database has no published stories: run `npm run db:fake` first.");
  const article = await getPublishedArticle({ slug: lead.slug });
  const section = await getSection({ slug: lead.section.slug });
  const deep = await cursorOfPage(section!.id, DEEP_PAGE);
  const { busy, quiet } = await busyAndQuietTags(latest);
  const busyTag = busy ? await getTag({ slug: busy }) : null;
  const quietTag = quiet ? await getTag({ slug: quiet }) : null;
  const author = await getAuthorProfile({ slug: lead.authors[0]!.slug });
  return [
    { name: "Home: top stories and section blocks", run: () => getFrontPage() },
    { name: "Navigation: sections", run: () => listSections() },
    { name: `Section page 1 (${section!.slug})`, run: () => listSectionArticles({ sectionId: section!.id }) },
    {
      name: `Section page ${deep.reached} (${section!.slug})`,
      run: () => listSectionArticles({ sectionId: section!.id, before: deep.cursor }),
    },
    ...(busyTag
      ? [{ name: `Tag page, a busy tag (${busyTag.slug})`, run: () => listTagArticles({ tagId: busyTag.id }) }]
      : []),
    ...(quietTag
      ? [{ name: `Tag page, a quiet tag (${quietTag.slug})`, run: () => listTagArticles({ tagId: quietTag.id }) }]
      : []),
    { name: "Author page", run: () => listAuthorArticles({ authorId: author!.id }) },
    { name: "Article page: the story", run: () => getPublishedArticle({ slug: lead.slug }) },
    {
      name: "Article page: related stories",
      run: () => listRelatedArticles({ articleId: article!.id, sectionId: article!.sectionId, limit: 4 }),
    },
    { name: "Search: a common word (government)", run: () => searchArticles({ query: "government", page: 1 }) },
    { name: "Search: two words (river deal)", run: () => searchArticles({ query: "river deal", page: 1 }) },
    { name: "Feed: the whole site", run: () => listFeedArticles({ scope: { kind: "site" } }) },
    { name: "Feed: a section", run: () => listFeedArticles({ scope: { kind: "section", sectionId: section!.id } }) },
    ...(busyTag
      ? [{ name: "Feed: a busy tag", run: () => listFeedArticles({ scope: { kind: "tag", tagId: busyTag.id } }) }]
      : []),
    { name: "Sitemap: sections and tags", run: () => listSitemapListings() },
    { name: "Sitemap: count", run: () => countSitemapArticles() },
    { name: "Sitemap: first file of stories", run: () => listSitemapArticles({ offset: 0, limit: 50_000 }) },
    { name: "News sitemap: the last two days", run: () => listRecentNewsArticles() },
  ];
}

const executionTime = (plan: string[]) =>
  plan.find((line) => line.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "?";

async function explainStep(step: Step): Promise<string> {
  const statements = await recordQueries(step.run);
  const settings: string[] = [];
  const sections = [];
  for (const { query, params } of statements) {
    if (/^set /i.test(query)) {
      settings.push(query);
      sections.push(`Within a transaction that ran \`${query}\`.`);
      continue;
    }
    const plan = await explainQuery(query, params, settings);
    sections.push(`Execution ${executionTime(plan)}\n\n\`\`\`\n${plan.join("\n")}\n\`\`\``);
  }
  return `### ${step.name}\n\n${sections.join("\n\n")}`;
}

try {
  const steps = await readerSteps();
  const articles = await countSitemapArticles();
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  const explained = [];
  for (const step of steps) {
    explained.push(await explainStep(step));
    console.log(`explained: ${step.name}`);
  }
  const header = `# Query plans\n\nEvery public query, run with EXPLAIN ANALYZE by \`npm run db:explain\` on ${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${databaseDriver()}, ${articles.toLocaleString("en-GB")} published stories. Times are the database's own, without the network.\n`;
  writeFileSync(OUTPUT, `${header}\n${explained.join("\n\n")}\n`);
  console.log(`Wrote ${OUTPUT}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
