import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNewsroomContent } from "@/lib/content/load";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { articles, articleTags, sections, tags, users } from "../schema";
import { seedNewsroom } from "../seed";
import { listSectionArticles, listTagArticles, PAGE_SIZE, type ArticleListPage } from "./articles";

const ARTICLES = 2 * PAGE_SIZE + 7;
const HOUR = 3_600_000;

async function sectionId(slug: string) {
  const [row] = await getDb().select({ id: sections.id }).from(sections).where(eq(sections.slug, slug));
  return row!.id;
}

/** Stories an hour apart in one section, two of them at the very same second, plus hidden ones. */
async function fileWorldArticles() {
  const world = await sectionId("world");
  const [author] = await getDb().select({ id: users.id }).from(users).limit(1);
  const start = Date.parse("2020-01-01T00:00:00Z");
  const article = (n: number, extra: Partial<typeof articles.$inferInsert> = {}) => ({
    slug: `world-story-${n}`,
    headline: `World story ${n}`,
    bodyMdx: "Text.",
    compiledCode: "",
    sourceHash: `hash-${n}`,
    sectionId: world,
    authorId: author!.id,
    status: "published" as const,
    publishedAt: new Date(start + (n === 2 ? 1 : n) * HOUR),
    ...extra,
  });
  const rows = Array.from({ length: ARTICLES }, (_, index) => article(index + 1));
  rows.push(
    article(900, { status: "draft" }),
    article(901, { publishedAt: new Date(Date.now() + 24 * HOUR) }),
    article(902, { deletedAt: new Date() }),
  );
  return getDb().insert(articles).values(rows).returning({ id: articles.id, slug: articles.slug });
}

async function walkOlder(load: (before?: string) => Promise<ArticleListPage>) {
  const pages: ArticleListPage[] = [await load()];
  while (pages.at(-1)!.olderCursor) pages.push(await load(pages.at(-1)!.olderCursor!));
  return pages;
}

describe(`keyset pages of a reader list on ${databaseDriver()}`, () => {
  let filed: Array<{ id: string; slug: string }>;

  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
    filed = await fileWorldArticles();
  });

  afterAll(async () => {
    await closeDatabase();
  });

  it("walks from the newest story to the oldest, each public story exactly once and nothing hidden", async () => {
    const world = await sectionId("world");
    const pages = await walkOlder((before) => listSectionArticles({ sectionId: world, before }));
    const seen = pages.flatMap((page) => page.articles.map((article) => article.slug));
    expect(pages.map((page) => page.articles.length).slice(0, 2)).toEqual([PAGE_SIZE, PAGE_SIZE]);
    expect(new Set(seen).size).toBe(seen.length);
    for (let n = 1; n <= ARTICLES; n++) expect(seen).toContain(`world-story-${n}`);
    for (const hidden of ["world-story-900", "world-story-901", "world-story-902"]) expect(seen).not.toContain(hidden);
    const times = pages.flatMap((page) => page.articles.map((article) => article.publishedAt.getTime()));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("links each older page back to the page before it", async () => {
    const world = await sectionId("world");
    const pages = await walkOlder((before) => listSectionArticles({ sectionId: world, before }));
    expect(pages[0]!.newerCursor).toBeUndefined();
    expect(pages[1]!.newerCursor).toBeNull();
    const third = pages[2]!;
    const backToSecond = await listSectionArticles({ sectionId: world, before: third.newerCursor! });
    expect(backToSecond.articles.map((article) => article.id)).toEqual(pages[1]!.articles.map((article) => article.id));
  });

  it("finds nothing before a story that is hidden or belongs to another list", async () => {
    const world = await sectionId("world");
    const draft = filed.find((article) => article.slug === "world-story-900")!;
    expect((await listSectionArticles({ sectionId: world, before: draft.id })).articles).toEqual([]);
    const conflicts = await sectionId("conflicts");
    const worldArticle = filed.find((article) => article.slug === "world-story-30")!;
    expect((await listSectionArticles({ sectionId: conflicts, before: worldArticle.id })).articles).toEqual([]);
  });

  it("pages a tag's stories the same way", async () => {
    const [tag] = await getDb().insert(tags).values({ slug: "keyset-topic", name: "Keyset topic" }).returning();
    await getDb()
      .insert(articleTags)
      .values(filed.slice(0, 25).map((article) => ({ articleId: article.id, tagId: tag!.id })));
    const pages = await walkOlder((before) => listTagArticles({ tagId: tag!.id, before }));
    expect(pages.map((page) => page.articles.length)).toEqual([PAGE_SIZE, 5]);
  });
});
