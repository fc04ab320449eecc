import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadNewsroomContent } from "@/lib/content/load";
import * as compiler from "@/lib/mdx/compile";
import { ArticleBody } from "@/lib/mdx/render";
import { eq } from "drizzle-orm";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { tags } from "../schema";
import { seedNewsroom } from "../seed";
import {
  getPublishedArticle,
  listAuthorArticles,
  listLatestArticles,
  listRelatedArticles,
  listSectionArticles,
  listTagArticles,
} from "./articles";
import { getAuthorProfile } from "./authors";
import { getFrontPage } from "./front-page";
import { checkDatabaseHealth } from "./health";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, searchArticles } from "./search";
import { getSection, listSections } from "./sections";
import { getTag } from "./tags";

vi.mock("@/lib/mdx/compile", { spy: true });

const NATO_ARTICLE = "ukraine-to-receive-nato-support-and-membership-after-conflict";
const SAMPLE_LIVE_STORY = "live-ceasefire-talks-open-in-the-border-town-of-ravensk";
const DRAFT_ARTICLE = "family-bakeries-raise-prices-as-flour-and-energy-bills-climb-together";
const SCHEDULED_ARTICLE = "solar-powered-data-centre-opens-inside-a-disused-limestone-quarry";
const HIDDEN = [DRAFT_ARTICLE, SCHEDULED_ARTICLE];

const slugs = (list: Array<{ slug: string }>) => list.map((item) => item.slug);

describe(`reader queries on ${databaseDriver()}`, () => {
  let firstSeed: Awaited<ReturnType<typeof seedNewsroom>>;

  beforeAll(async () => {
    await migrateDatabase();
    const content = await loadNewsroomContent(path.join(process.cwd(), "content"));
    firstSeed = await seedNewsroom(content, "UTC");
  });

  afterAll(async () => {
    await closeDatabase();
  });

  it("seeds every article in content/ once, and a second seed changes nothing", async () => {
    expect(firstSeed.created).toContain(NATO_ARTICLE);
    const content = await loadNewsroomContent(path.join(process.cwd(), "content"));
    const again = await seedNewsroom(content, "UTC");
    expect(again.created).toEqual([]);
    expect(again.skipped.sort()).toEqual([...firstSeed.created].sort());
  });

  it("lists the sections in navigation order with their descriptions", async () => {
    const sections = await listSections();
    expect(sections[0]).toMatchObject({ slug: "conflicts", name: "Conflicts" });
    expect(sections[0]?.description).not.toBe("");
    expect(slugs(sections)).toEqual(expect.arrayContaining(["world", "politics", "economy", "technology"]));
  });

  it("returns the commissioned story with its section, date, lead photo and tags", async () => {
    const article = await getPublishedArticle({ slug: NATO_ARTICLE });
    expect(article).toMatchObject({
      headline: "Ukraine to Receive NATO Support and Membership After Conflict",
      dek: "NATO pledges long-term support to Ukraine and offers membership in the military alliance",
      section: { slug: "conflicts", name: "Conflicts" },
      leadPhoto: { camera: "Canon EOS 5D Mark IV" },
    });
    expect(article?.publishedAt.toISOString()).toBe("2023-12-01T00:00:00.000Z");
    expect(article?.leadPhoto?.caption).toMatch(/^An image of Ukrainian soldiers standing strong/);
    expect(slugs(article?.tags ?? [])).toEqual(["nato", "russia", "ukraine"]);
  });

  it("renders a stored article without compiling anything on the reader's request", async () => {
    vi.mocked(compiler.compileArticle).mockClear();
    const article = await getPublishedArticle({ slug: NATO_ARTICLE });
    const html = renderToStaticMarkup(<ArticleBody code={article!.code} sourceHash={article!.sourceHash} />);
    expect(compiler.compileArticle).not.toHaveBeenCalled();
    expect(html).toContain("as long as it takes.");
    expect(html).toContain("Taken with Nikon D850");
    expect(html).toContain("Taken with Sony Alpha a7 III");
  });

  it("keeps drafts and scheduled stories out of every public query", async () => {
    for (const slug of HIDDEN) expect(await getPublishedArticle({ slug })).toBeNull();

    const latest = await listLatestArticles({ limit: 100 });
    const front = await getFrontPage();
    const economy = await getSection({ slug: "economy" });
    const technology = await getSection({ slug: "technology" });
    // Only the draft and the scheduled story carry Energy, so readers do not know the tag at all.
    expect(await getTag({ slug: "energy" })).toBeNull();
    const [energy] = await getDb().select({ id: tags.id }).from(tags).where(eq(tags.slug, "energy"));
    const tobias = await getAuthorProfile({ slug: "tobias-renn" });
    const lists = [
      latest,
      [...front.top, ...front.sections.flatMap((block) => block.articles)],
      (await listSectionArticles({ sectionId: economy!.id })).articles,
      (await listSectionArticles({ sectionId: technology!.id })).articles,
      (await listTagArticles({ tagId: energy!.id })).articles,
      (await listAuthorArticles({ authorId: tobias!.id })).articles,
      (await searchArticles({ query: "sourdough OR quarry", page: 1 })).results,
    ];
    for (const list of lists) {
      for (const hidden of HIDDEN) expect(slugs(list)).not.toContain(hidden);
    }
    const bakeryNeighbour = latest.find((a) => a.section.slug === "economy")!;
    const related = await listRelatedArticles({
      articleId: bakeryNeighbour.id,
      sectionId: (await getSection({ slug: "economy" }))!.id,
      limit: 10,
    });
    for (const hidden of HIDDEN) expect(slugs(related)).not.toContain(hidden);
  });

  it("lists the newest stories first", async () => {
    const latest = await listLatestArticles({ limit: 100 });
    const times = latest.map((a) => a.publishedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(latest.at(-1)?.slug).toBe(NATO_ARTICLE);
  });

  it("shows a section's stories on one first page, newest first, with no older or newer pages", async () => {
    const conflicts = await getSection({ slug: "conflicts" });
    const first = await listSectionArticles({ sectionId: conflicts!.id });
    expect(slugs(first.articles)).toEqual([SAMPLE_LIVE_STORY, NATO_ARTICLE]);
    expect(first).toMatchObject({ olderCursor: null, newerCursor: undefined });
  });

  it("finds the commissioned story by a word from its body, with the word highlighted", async () => {
    const { results, total } = await searchArticles({ query: "Stoltenberg", page: 1 });
    expect(total).toBe(1);
    expect(results[0]?.slug).toBe(NATO_ARTICLE);
    expect(results[0]?.snippet).toContain(`${HIGHLIGHT_START}Stoltenberg${HIGHLIGHT_STOP}`);
  });

  it("understands web-search syntax: quoted phrases and excluded words", async () => {
    expect((await searchArticles({ query: '"humanitarian demining"', page: 1 })).total).toBe(1);
    expect((await searchArticles({ query: '"demining humanitarian"', page: 1 })).total).toBe(0);
    expect((await searchArticles({ query: "Ukraine -Stoltenberg", page: 1 })).total).toBe(0);
  });

  it("ranks a headline match above a passing mention", async () => {
    const { results } = await searchArticles({ query: "millet", page: 1 });
    expect(results[0]?.headline).toMatch(/millet/i);
  });

  it("treats hostile search input as words, never as syntax errors", async () => {
    for (const query of ["'; drop table articles; --", "(((", "!!!", "<script>", "a & | ! b"]) {
      await expect(searchArticles({ query, page: 1 })).resolves.toMatchObject({ page: 1 });
    }
  });

  it("suggests related stories that share tags, never the story itself", async () => {
    const article = await getPublishedArticle({ slug: NATO_ARTICLE });
    const related = await listRelatedArticles({ articleId: article!.id, sectionId: article!.sectionId, limit: 4 });
    expect(slugs(related)).not.toContain(NATO_ARTICLE);
  });

  it("shows an author's profile without their email or role", async () => {
    const profile = await getAuthorProfile({ slug: "newsroom-staff" });
    expect(profile).toEqual({
      id: expect.any(String),
      slug: "newsroom-staff",
      name: "Newsroom Staff",
      bio: expect.any(String),
    });
  });

  it("reports the database as healthy", async () => {
    await expect(checkDatabaseHealth()).resolves.toMatchObject({ ok: true, driver: databaseDriver() });
  });
});
