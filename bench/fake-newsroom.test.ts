import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { count, desc, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { compileArticle } from "@/lib/mdx/compile";
import { photoReferences } from "@/lib/mdx/photo-references";
import { ArticleBody } from "@/lib/mdx/render";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "@/db/client";
import { FAKE_TAG_COUNT, fakeNewsroom, type FakeNewsroomReport } from "./fake-newsroom";
import { getPublishedArticle, listSectionArticles, type ArticleSummary } from "@/db/queries/articles";
import { getPhotoFile } from "@/db/queries/media";
import { searchArticles } from "@/db/queries/search";
import { listSections } from "@/db/queries/sections";
import { hasStaffAccounts, verifyStaffCredentials } from "@/db/queries/staff";
import { articlePhotos, articles, articleTags, media, tags, users } from "@/db/schema";

vi.mock("@/lib/auth", () => import("@/test/staff-session"));

const ARTICLES = 150;
const SEED = 20_260_101;
const YEAR_MS = 365.25 * 86_400_000;

async function tableSizes() {
  const db = getDb();
  const total = async (table: typeof articles | typeof tags | typeof users | typeof media) =>
    (await db.select({ total: count() }).from(table))[0]?.total ?? 0;
  return {
    articles: await total(articles),
    tags: await total(tags),
    users: await total(users),
    photos: await total(media),
  };
}

/** A section's stories as a reader paging through it sees them, newest first. */
async function sectionArticles(sectionId: string): Promise<ArticleSummary[]> {
  const storedRows: ArticleSummary[] = [];
  let before: string | undefined;
  do {
    const page = await listSectionArticles({ sectionId, before });
    storedRows.push(...page.articles);
    before = page.olderCursor ?? undefined;
  } while (before);
  return storedRows;
}

async function publicArticles(): Promise<ArticleSummary[]> {
  const sections = await listSections();
  return (await Promise.all(sections.map((section) => sectionArticles(section.id)))).flat();
}

describe(`the fake newsroom on ${databaseDriver()}`, () => {
  let report: FakeNewsroomReport;

  beforeAll(async () => {
    await migrateDatabase();
    report = await fakeNewsroom({ articles: ARTICLES, seed: SEED });
  });

  afterAll(async () => {
    await closeDatabase();
  });

  it("shows every story but the drafts on the section pages, and drafts nowhere", async () => {
    const sections = await listSections();
    expect(sections.map((section) => section.slug)).toEqual(
      expect.arrayContaining(["conflicts", "world", "politics", "economy", "technology", "climate"]),
    );
    expect(report.drafts).toBeGreaterThan(0);
    expect(await publicArticles()).toHaveLength(ARTICLES - report.drafts);

    const drafts = await getDb().select({ slug: articles.slug }).from(articles).where(eq(articles.status, "draft"));
    expect(drafts).toHaveLength(report.drafts);
    for (const { slug } of drafts) expect(await getPublishedArticle({ slug })).toBeNull();
  });

  it("opens a story with its section, byline, tags and a lead photo from the library", async () => {
    const listed = (await publicArticles()).slice(0, 40);
    const storedRows = await Promise.all(listed.map(({ slug }) => getPublishedArticle({ slug })));
    for (const row of storedRows) {
      expect(row?.tags.length).toBeGreaterThan(0);
      expect(row?.authors[0]?.name).not.toBe("");
      expect(row?.headline).not.toBe("");
    }
    const withPhoto = storedRows.filter((row) => row?.leadPhoto?.photoId);
    expect(withPhoto.length).toBeGreaterThan(storedRows.length / 2);
    expect(withPhoto[0]?.leadPhoto).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
    expect(withPhoto[0]?.leadPhoto?.alt).not.toBe("");
  });

  it("spreads publication over the last ten years, and a reader pages through it newest first", async () => {
    const [span] = await getDb()
      .select({ oldest: sql<string>`min(${articles.publishedAt})`, newest: sql<string>`max(${articles.publishedAt})` })
      .from(articles);
    const oldest = new Date(span!.oldest).getTime();
    const newest = new Date(span!.newest).getTime();
    expect(newest).toBeLessThanOrEqual(Date.now());
    expect(newest - oldest).toBeGreaterThan(5 * YEAR_MS);
    expect(Date.now() - oldest).toBeLessThanOrEqual(10 * YEAR_MS);

    const [section] = await listSections();
    const times = (await sectionArticles(section!.id)).map((row) => row.publishedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("uses a few tags far more than the rest", async () => {
    const uses = await getDb()
      .select({ name: tags.name, storedRows: count() })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .groupBy(tags.name)
      .orderBy(desc(count()));
    const median = uses[Math.floor(uses.length / 2)]!.storedRows;
    expect(report.tags).toBe(FAKE_TAG_COUNT);
    expect(uses[0]!.storedRows).toBeGreaterThanOrEqual(10 * median);
  });

  it("stores exactly what the compiler and the model make of each body, and every body renders with its photos", async () => {
    const bodies = await getDb()
      .selectDistinct({
        bodyMdx: articles.bodyMdx,
        code: articles.compiledCode,
        sourceHash: articles.sourceHash,
        plainText: articles.plainText,
        wordCount: articles.wordCount,
        photoIds: articles.bodyPhotoIds,
        feedBody: articles.feedBody,
        modelVersion: articles.modelVersion,
      })
      .from(articles);
    expect(bodies).toHaveLength(report.bodies);
    for (const { bodyMdx, ...stored } of bodies) {
      expect(await compileArticle(bodyMdx)).toEqual(stored);
      expect(stored.wordCount).toBeGreaterThanOrEqual(300);
      expect(stored.wordCount).toBeLessThanOrEqual(1_500);
      const html = renderToStaticMarkup(createElement(ArticleBody, stored));
      expect(html).toContain("<figure");
      expect(html).toMatch(/src="\/media\/[0-9a-f-]{36}\/\d+"/);
    }
  });

  it("shows readers real photos: every lead photo and Figure is a library file with alt text and a caption", async () => {
    const rows = await getDb().selectDistinct({ hero: articles.heroMediaId, body: articles.bodyMdx }).from(articles);
    const shown = new Set(rows.flatMap((row) => [...(row.hero ? [row.hero] : []), ...photoReferences(row.body)]));
    const library = await getDb()
      .select({ id: media.id, altText: media.altText, caption: media.caption })
      .from(media)
      .where(isNotNull(media.data));
    const described = new Map(library.map((photo) => [photo.id, photo]));
    for (const id of shown) {
      expect(described.get(id)?.altText).not.toBe("");
      expect(described.get(id)?.caption).not.toBe("");
    }
    const [first] = shown;
    const file = await getPhotoFile({ id: first!, width: 320 });
    expect(file).toMatchObject({ mimeType: "image/webp", audience: "public" });
  });

  it("records every story's lead photo and Figure photos, as a save would", async () => {
    const storedRows = await getDb()
      .select({ id: articles.id, hero: articles.heroMediaId, body: articles.bodyMdx })
      .from(articles);
    const recorded = await getDb().select().from(articlePhotos);
    const expected = storedRows.flatMap((row) =>
      [...new Set([...(row.hero ? [row.hero] : []), ...photoReferences(row.body)])].map((mediaId) => ({
        articleId: row.id,
        mediaId,
        isLead: mediaId === row.hero,
      })),
    );
    const byKey = (row: { articleId: string; mediaId: string }) => `${row.articleId}/${row.mediaId}`;
    expect(recorded.toSorted((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual(
      expected.toSorted((a, b) => byKey(a).localeCompare(byKey(b))),
    );
  });

  it("finds a story by the words of its headline", async () => {
    const [row] = await publicArticles();
    const { results } = await searchArticles({ query: row!.headline, page: 1 });
    expect(results.map((result) => result.slug)).toContain(row!.slug);
  });

  it("writes bylines nobody can sign in with", async () => {
    const bylines = await getDb()
      .selectDistinct({ email: users.email, passwordHash: users.passwordHash })
      .from(users)
      .innerJoin(articles, eq(articles.authorId, users.id));
    expect(bylines.length).toBeGreaterThan(10);
    expect(bylines.every((byline) => byline.passwordHash === null)).toBe(true);
    expect(
      await verifyStaffCredentials({ email: bylines[0]!.email, password: "correct horse battery staple" }),
    ).toBeNull();
    // The first administrator can still be created in the browser.
    expect(await hasStaffAccounts()).toBe(false);
  });

  it("adds to the same newsroom when run again, even with the same seed", async () => {
    const before = await tableSizes();
    await fakeNewsroom({ articles: 20, seed: SEED });
    expect(await tableSizes()).toEqual({ ...before, articles: before.articles + 20 });
  });
});
