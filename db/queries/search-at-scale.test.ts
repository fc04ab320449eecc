import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNewsroomContent } from "@/lib/content/load";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { articles, sections, users } from "../schema";
import { seedNewsroom } from "../seed";
import { RANKED_MATCHES, SEARCH_PAGE_SIZE, searchArticles } from "./search";

const ARTICLES = 5 * RANKED_MATCHES + 50;
const HOUR = 3_600_000;

/** A thousand-odd stories that all mention lighthouse keepers, an hour apart. */
async function fileLighthouseArticles() {
  const [section] = await getDb().select({ id: sections.id }).from(sections).limit(1);
  const [author] = await getDb().select({ id: users.id }).from(users).limit(1);
  const start = Date.parse("2019-06-01T00:00:00Z");
  const rows = Array.from({ length: ARTICLES }, (_, index) => ({
    slug: `lighthouse-keepers-${index}`,
    headline: `Lighthouse keepers report ${index}`,
    plainText: "The lighthouse keepers logged the storm through the night.",
    bodyMdx: "The lighthouse keepers logged the storm through the night.",
    compiledCode: "",
    sourceHash: `lighthouse-${index}`,
    sectionId: section!.id,
    authorId: author!.id,
    status: "published" as const,
    publishedAt: new Date(start + index * HOUR),
  }));
  for (let offset = 0; offset < rows.length; offset += 500)
    await getDb()
      .insert(articles)
      .values(rows.slice(offset, offset + 500));
}

describe(`search over a large archive on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
    await fileLighthouseArticles();
  });

  afterAll(async () => {
    await closeDatabase();
  });

  it("counts every match of a common word and ranks only the newest matches", async () => {
    const found = await searchArticles({ query: "lighthouse keepers", page: 1 });
    expect(found.total).toBe(ARTICLES);
    expect(found.totalPages).toBe(RANKED_MATCHES / SEARCH_PAGE_SIZE);
    expect(found.results).toHaveLength(SEARCH_PAGE_SIZE);
    const oldestRanked = ARTICLES - RANKED_MATCHES;
    for (const result of found.results)
      expect(Number(result.slug.split("-").at(-1))).toBeGreaterThanOrEqual(oldestRanked);
  });

  it("still finds a rare word exactly, with its count", async () => {
    const found = await searchArticles({ query: "Stoltenberg", page: 1 });
    expect(found.total).toBe(1);
  });
});
