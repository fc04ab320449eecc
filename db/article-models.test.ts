import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as siteAtom } from "@/app/atom.xml/route";
import { GET as siteJsonFeed } from "@/app/feed.json/route";
import { GET as photoRoute } from "@/app/media/[id]/route";
import { GET as siteRss } from "@/app/rss.xml/route";
import { buildJsonFeed, siteChannel } from "@/lib/feeds/build-feeds";
import { ARTICLE_MODEL_VERSION } from "@/lib/mdx/article-model";
import { compileArticle } from "@/lib/mdx/compile";
import { readCheckedArticle, readMdx } from "@/lib/mdx/parse-article";
import { site } from "@/lib/site";
import { signInAs } from "@/test/staff-session";
import { rebuildStaleArticleModels } from "./article-models";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "./client";
import { prepareDatabase } from "./prepare";
import { listFeedArticles } from "./queries/feeds";
import { articlePhotos, articles, liveEntries, sections, media, users } from "./schema";

vi.mock("@/lib/auth", () => import("@/test/staff-session"));
// Every way the server reads MDX goes through these two: counted, not changed.
vi.mock("@/lib/mdx/parse-article", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/mdx/parse-article")>();
  return { ...actual, readMdx: vi.fn(actual.readMdx), readCheckedArticle: vi.fn(actual.readCheckedArticle) };
});

const HOUR_MS = 60 * 60 * 1000;
let serial = 0;
let sectionId = "";
let authorId = "";

async function libraryPhoto(): Promise<string> {
  serial += 1;
  const [row] = await getDb()
    .insert(media)
    .values({
      contentHash: `article-models-test-${serial}`,
      mimeType: "image/jpeg",
      byteSize: 4,
      width: 1600,
      height: 1200,
      altText: "Ferries at the quay",
      caption: "Ferries at the quay",
      data: new Uint8Array([1, 2, 3, 4]),
    })
    .returning({ id: media.id });
  return row!.id;
}

/**
 * A story as a server older than the article model wrote it: compiled code and plain text, but
 * no model columns and no record of its photos.
 */
async function storedBeforeModels(
  bodyMdx: string,
  { status, modelVersion = null }: { status: "draft" | "published"; modelVersion?: number | null },
): Promise<string> {
  serial += 1;
  const compiled = await compileArticle("Compiled by an older server.");
  const publishedAt = status === "published" ? new Date(Date.now() - serial * HOUR_MS) : null;
  const [row] = await getDb()
    .insert(articles)
    .values({
      slug: `stored-before-models-${serial}`,
      headline: `Stored before models ${serial}`,
      bodyMdx,
      compiledCode: compiled.code,
      sourceHash: compiled.sourceHash,
      plainText: compiled.plainText,
      wordCount: compiled.wordCount,
      sectionId: sectionId,
      authorId,
      status,
      publishedAt,
      modelVersion,
    })
    .returning({ id: articles.id });
  await getDb().delete(articlePhotos).where(eq(articlePhotos.articleId, row!.id));
  return row!.id;
}

async function feedContent(slug: string): Promise<string | undefined> {
  const stored = await listFeedArticles({ scope: { kind: "site" } });
  const item = stored.find((candidate) => candidate.slug === slug);
  if (!item) return undefined;
  const json = JSON.parse(buildJsonFeed({ site, channel: siteChannel(site, "/feed.json"), articles: [item] }));
  return json.items[0].content_html;
}

async function slugOf(id: string): Promise<string> {
  const [row] = await getDb().select({ slug: articles.slug }).from(articles).where(eq(articles.id, id));
  return row!.slug;
}

const readerAsks = (photoId: string) =>
  photoRoute(new Request(`http://localhost/media/${photoId}`), { params: Promise.resolve({ id: photoId }) });

describe(`building the article model of stories stored before it, at start-up, on ${databaseDriver()}`, () => {
  const photos = { published: "", draftOnly: "" };
  const stored = { published: "", draft: "", refused: "", older: "", live: "", entry: "" };

  beforeAll(async () => {
    signInAs(null);
    await migrateDatabase();
    const [section] = await getDb()
      .insert(sections)
      .values({ slug: "harbour", name: "Harbour" })
      .returning({ id: sections.id });
    const [author] = await getDb()
      .insert(users)
      .values({ email: "models@newsroom.example", name: "Mo Dell", slug: "mo-dell" })
      .returning({ id: users.id });
    sectionId = section!.id;
    authorId = author!.id;
    photos.published = await libraryPhoto();
    photos.draftOnly = await libraryPhoto();
    stored.published = await storedBeforeModels(
      [
        "The ferries [kept running](/articles/earlier-story) through the storm.",
        `<Figure photo="${photos.published}" width="1600" height="1200" caption="Ferries at the quay" />`,
      ].join("\n\n"),
      { status: "published" },
    );
    stored.draft = await storedBeforeModels(`<Figure photo="${photos.draftOnly}" caption="Not yet" />`, {
      status: "draft",
    });
    stored.refused = await storedBeforeModels("Kept from before the guard.\n\n<script>alert(1)</script>", {
      status: "published",
    });
    stored.older = await storedBeforeModels("Built by older rules.", { status: "published", modelVersion: 0 });
    stored.live = await storedBeforeModels("Live from the quay.", { status: "published" });
    const compiled = await compileArticle("Compiled by an older server.");
    const [entry] = await getDb()
      .insert(liveEntries)
      .values({
        articleId: stored.live,
        bodyMdx: "The **last ferry** left at nine.",
        compiledCode: compiled.code,
        sourceHash: compiled.sourceHash,
        authorId,
      })
      .returning({ id: liveEntries.id });
    stored.entry = entry!.id;
  });

  afterAll(() => closeDatabase());

  it("serves none of a stored story's body in the feeds, nor its photo to readers, before the model is built", async () => {
    expect(await feedContent(await slugOf(stored.published))).toBe("");
    expect((await readerAsks(photos.published)).status).toBe(404);
  });

  it("builds the model at start-up, so the feed item and the photo's audience are right", async () => {
    await prepareDatabase();
    const content = await feedContent(await slugOf(stored.published));
    expect(content).toContain(`<a href="${new URL("/articles/earlier-story", site.url).href}">kept running</a>`);
    expect(content).toContain(`<img src="${new URL(`/media/${photos.published}/960`, site.url).href}"`);
    expect(content).toContain("<figcaption>Ferries at the quay</figcaption>");
    expect((await readerAsks(photos.published)).status).toBe(200);

    const [row] = await getDb()
      .select({ plainText: articles.plainText, modelVersion: articles.modelVersion, photoIds: articles.bodyPhotoIds })
      .from(articles)
      .where(eq(articles.id, stored.published));
    expect(row).toEqual({
      plainText: "The ferries kept running through the storm.\n\nFerries at the quay",
      modelVersion: ARTICLE_MODEL_VERSION,
      photoIds: [photos.published],
    });
  });

  it("records a draft's photos without showing them to readers", async () => {
    const recorded = await getDb()
      .select({ mediaId: articlePhotos.mediaId })
      .from(articlePhotos)
      .where(eq(articlePhotos.articleId, stored.draft));
    expect(recorded).toEqual([{ mediaId: photos.draftOnly }]);
    expect((await readerAsks(photos.draftOnly)).status).toBe(404);
  });

  it("rebuilds a model built by older rules, and gives a body failing today's check no feed body", async () => {
    expect(await feedContent(await slugOf(stored.older))).toBe("<p>Built by older rules.</p>");
    expect(await feedContent(await slugOf(stored.refused))).toBe("");
    const [refused] = await getDb()
      .select({ feedBody: articles.feedBody, modelVersion: articles.modelVersion })
      .from(articles)
      .where(eq(articles.id, stored.refused));
    expect(refused).toEqual({ feedBody: null, modelVersion: ARTICLE_MODEL_VERSION });
  });

  it("builds a live entry's model at start-up too, so its feed item shows its text", async () => {
    const [entry] = await getDb()
      .select({
        plainText: liveEntries.plainText,
        feedBody: liveEntries.feedBody,
        modelVersion: liveEntries.modelVersion,
      })
      .from(liveEntries)
      .where(eq(liveEntries.id, stored.entry));
    expect(entry).toMatchObject({ plainText: "The last ferry left at nine.", modelVersion: ARTICLE_MODEL_VERSION });
    const item = (await listFeedArticles({ scope: { kind: "site" } })).find((story) => story.id === stored.live);
    const json = JSON.parse(buildJsonFeed({ site, channel: siteChannel(site, "/feed.json"), articles: [item!] }));
    expect(json.items[0].content_html).toContain("<strong>last ferry</strong>");
  });

  it("finds nothing left to build at the next start, as a second server does after the first", async () => {
    expect(await rebuildStaleArticleModels()).toEqual({ rebuilt: 0, refused: [] });
  });

  it("parses no MDX while serving the feeds and the photos", async () => {
    // The spies work: the start-up step read every stale body through them.
    expect(vi.mocked(readCheckedArticle)).toHaveBeenCalled();
    vi.mocked(readCheckedArticle).mockClear();
    vi.mocked(readMdx).mockClear();

    for (const [feed, path] of [
      [siteRss, "/rss.xml"],
      [siteAtom, "/atom.xml"],
      [siteJsonFeed, "/feed.json"],
    ] as const) {
      const response = await feed(new Request(`http://localhost${path}`));
      expect(await response.text(), path).toContain("kept running");
    }
    expect((await readerAsks(photos.published)).status).toBe(200);
    expect((await readerAsks(photos.draftOnly)).status).toBe(404);

    expect(vi.mocked(readCheckedArticle)).not.toHaveBeenCalled();
    expect(vi.mocked(readMdx)).not.toHaveBeenCalled();
  });
});
