import { asc, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { saveArticleAction } from "@/app/admin/(newsroom)/articles/actions";
import type { Staff } from "@/lib/auth/roles";
import { takeExpiredTags } from "@/test/next-cache";
import { signInAs } from "@/test/staff-session";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { articleRevisions, articles, auditLog, users } from "../schema";
import { getPublishedArticle } from "./articles";
import { uploadPhoto } from "./media";
import { createArticleDraft, publishArticle, saveArticle, unpublishArticle } from "./newsroom-articles";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "./staff";
import { createSection } from "./taxonomy";

vi.mock("@/lib/auth", () => import("@/test/staff-session"));

/**
 * One press of Publish, Schedule or Unpublish is one save: one transaction, one version, one
 * revision, and one expiry of exactly the reader pages that show the story.
 */

const PASSWORD = "correct horse battery staple";
const staff: { editor?: Staff; writer?: Staff } = {};
const sections: Record<"harbour" | "weather", string> = { harbour: "", weather: "" };
let writerSlug = "";

async function draft(headline: string, extra: { tags?: string[]; heroMediaId?: string } = {}) {
  signInAs(staff.writer);
  const created = await createArticleDraft({
    headline,
    dek: "A standfirst.",
    sectionId: sections.harbour,
    tags: extra.tags ?? [],
    bodyMdx: "The first paragraph, as filed.",
    heroMediaId: extra.heroMediaId,
  });
  if (created.status !== "saved") throw new Error(`"${headline}" was not saved`);
  signInAs(staff.editor);
  return created;
}

/** Everything a save writes about one story. */
async function stored(id: string) {
  const [row] = await getDb()
    .select({ version: articles.version, status: articles.status, bodyMdx: articles.bodyMdx })
    .from(articles)
    .where(eq(articles.id, id));
  const revisions = await getDb()
    .select({ version: articleRevisions.version })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, id))
    .orderBy(asc(articleRevisions.version));
  const audit = await getDb()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.entityId, id))
    .orderBy(asc(auditLog.id));
  return { ...row, revisions: revisions.map((r) => r.version), audit: audit.map((entry) => entry.action) };
}

/** Counts the transactions the data layer opens while `run` runs. */
async function transactionsDuring(run: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(getDb(), "transaction");
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

function editorForm(article: { id: string; version: number }, fields: Record<string, string>) {
  const data = new FormData();
  const all = {
    id: article.id,
    expectedVersion: String(article.version),
    headline: "Night ferries return",
    dek: "A standfirst.",
    sectionId: sections.harbour,
    tags: "Harbour Lights, Night Ferries",
    bodyMdx: "The first paragraph, as filed.",
    intent: "save",
    ...fields,
  };
  for (const [name, value] of Object.entries(all)) data.set(name, value);
  return data;
}

describe(`publishing on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await createFirstAdministrator({ name: "Ada Admin", email: "ada@publishing.example", password: PASSWORD });
    staff.editor = await provisionStaffAccountFromCommandLine({
      name: "Eve Editor",
      email: "eve@publishing.example",
      role: "editor",
      password: PASSWORD,
    });
    staff.writer = await provisionStaffAccountFromCommandLine({
      name: "Wren Writer",
      email: "wren@publishing.example",
      role: "writer",
      password: PASSWORD,
    });
    const [writerRow] = await getDb().select({ slug: users.slug }).from(users).where(eq(users.id, staff.writer.id));
    writerSlug = writerRow!.slug;
    signInAs(staff.editor);
    for (const name of ["Harbour", "Weather"] as const) {
      const created = await createSection({ name, description: "" });
      if (created.status !== "ok") throw new Error(created.message);
      sections[name.toLowerCase() as keyof typeof sections] = created.section.id;
    }
  });

  beforeEach(() => {
    signInAs(staff.editor);
    takeExpiredTags();
  });
  afterAll(() => closeDatabase());

  describe("one press, one save", () => {
    it("saves and publishes in one transaction, one version and one revision", async () => {
      const article = await draft("Saved and published at once");
      const transactions = await transactionsDuring(async () => {
        const result = await saveArticle({
          id: article.id,
          expectedVersion: article.version,
          bodyMdx: "The text as the editor left it.",
          intent: "publish",
        });
        expect(result).toMatchObject({ status: "saved", version: article.version + 1, publication: "published" });
      });
      expect(transactions).toBe(1);
      expect(await stored(article.id)).toEqual({
        version: article.version + 1,
        status: "published",
        bodyMdx: "The text as the editor left it.",
        revisions: [1, 2],
        audit: ["article.created", "article.published"],
      });
      expect(await getPublishedArticle({ slug: article.slug })).toMatchObject({
        headline: "Saved and published at once",
      });
    });

    it("refuses the whole save when a photo lacks alt text, leaving version and text as they were", async () => {
      const png = new Uint8Array(
        await sharp({ create: { width: 24, height: 16, channels: 3, background: "navy" } })
          .png()
          .toBuffer(),
      );
      const upload = await uploadPhoto({ bytes: png, originalName: "bare.png" });
      if (upload.status !== "ok") throw new Error(upload.message);
      const article = await draft("A bare photo", { heroMediaId: upload.photo.id });
      const before = await stored(article.id);

      const transactions = await transactionsDuring(async () => {
        const result = await saveArticle({
          id: article.id,
          expectedVersion: article.version,
          bodyMdx: "A rewrite that must not be half-saved.",
          intent: "publish",
        });
        expect(result).toMatchObject({
          status: "invalid",
          reason: "photos",
          message: expect.stringMatching(/alt text/),
        });
      });
      expect(transactions).toBe(0);
      expect(await stored(article.id)).toEqual(before);
      expect(await getPublishedArticle({ slug: article.slug })).toBeNull();
    });

    it("schedules and unpublishes in one version each, whatever else the save changed", async () => {
      const article = await draft("Scheduled, then pulled");
      const scheduled = await saveArticle({
        id: article.id,
        expectedVersion: article.version,
        headline: "Scheduled, then pulled",
        intent: "schedule",
        publishAt: new Date(Date.now() + 3_600_000),
      });
      expect(scheduled).toMatchObject({ status: "saved", version: 2, publication: "scheduled" });
      expect(await unpublishArticle({ id: article.id })).toMatchObject({ version: 3 });
      expect(await stored(article.id)).toMatchObject({
        status: "draft",
        revisions: [1, 2, 3],
        audit: ["article.created", "article.scheduled", "article.unpublished"],
      });
    });

    it("refuses a schedule that is not in the future, writing nothing", async () => {
      const article = await draft("Scheduled in the past");
      const result = await saveArticle({
        id: article.id,
        expectedVersion: article.version,
        intent: "schedule",
        publishAt: new Date(Date.now() - 60_000),
      });
      expect(result).toMatchObject({ status: "invalid", reason: "publish-time" });
      expect(await stored(article.id)).toMatchObject({ version: 1, status: "draft", revisions: [1] });
    });

    it("answers the editor's Publish button with the version the server now holds", async () => {
      const article = await draft("Published from the form");
      const answer = await saveArticleAction(undefined, editorForm(article, { intent: "publish" }));
      expect(answer).toEqual({ status: "ok", message: "Published.", version: article.version + 1, slug: article.slug });
    });

    it("tells an editor who saves a published story that readers see the change, and leaves it published", async () => {
      const article = await draft("Saved while published");
      await saveArticleAction(undefined, editorForm(article, { intent: "publish" }));
      const answer = await saveArticleAction(
        undefined,
        editorForm(
          { id: article.id, version: article.version + 1 },
          { bodyMdx: "The first paragraph,\r\nas corrected." },
        ),
      );
      expect(answer).toMatchObject({ status: "ok", message: "Saved. Readers see the change." });
      expect(await stored(article.id)).toMatchObject({
        status: "published",
        version: article.version + 2,
        bodyMdx: "The first paragraph,\nas corrected.",
      });
    });
  });

  describe("what one publish expires", () => {
    const otherTags = Array.from({ length: 50 }, (_, n) => `Other desk ${n + 1}`);

    beforeAll(async () => {
      // Fifty tags on other public stories: none of their pages has anything to do with the publish below.
      for (let start = 0; start < otherTags.length; start += 10) {
        const other = await draft(`Another story ${start}`, { tags: otherTags.slice(start, start + 10) });
        const published = await publishArticle({ id: other.id });
        if (published.status === "invalid") throw new Error(published.message);
      }
    });

    it("is its story, section, tags, writer, the front page, the feeds, the sitemaps and the corrections, once each", async () => {
      const article = await draft("Night ferries return", { tags: ["Harbour Lights", "Night Ferries"] });
      takeExpiredTags();
      const answer = await saveArticleAction(undefined, editorForm(article, { intent: "publish" }));
      expect(answer).toMatchObject({ status: "ok", message: "Published." });

      const expired = takeExpiredTags();
      expect(expired.toSorted()).toEqual(
        [
          `story:${article.id}`,
          `story-address:${article.slug}`,
          "section:harbour",
          "tag:harbour-lights",
          "tag:night-ferries",
          `author:${writerSlug}`,
          "front",
          "feeds",
          "sitemaps",
          "search",
          "corrections",
        ].toSorted(),
      );
      const otherTagPages = otherTags
        .map((name, n) => `tag:other-desk-${n + 1}`)
        .filter((tag) => expired.includes(tag));
      expect(otherTagPages).toEqual([]);
    });

    it("includes the pages the story left: the section it moved from and the tag taken off it", async () => {
      const article = await draft("Moving desks", { tags: ["Harbour Lights", "Night Ferries"] });
      const published = await publishArticle({ id: article.id });
      if (published.status === "invalid") throw new Error(published.message);
      takeExpiredTags();
      await saveArticleAction(
        undefined,
        editorForm(
          { id: article.id, version: published.version },
          { headline: "Moving desks", sectionId: sections.weather, tags: "Harbour Lights" },
        ),
      );
      const expired = takeExpiredTags();
      expect(expired).toEqual(
        expect.arrayContaining(["section:harbour", "section:weather", "tag:harbour-lights", "tag:night-ferries"]),
      );
      expect(new Set(expired).size).toBe(expired.length);
    });

    it("is nothing for a draft saved while no reader can see it", async () => {
      const article = await draft("Still a draft", { tags: ["Harbour Lights"] });
      takeExpiredTags();
      expect(await saveArticleAction(undefined, editorForm(article, { headline: "Still a draft" }))).toMatchObject({
        status: "ok",
        message: "Draft saved.",
      });
      expect(takeExpiredTags()).toEqual([]);
    });

    it("is everything the story was on when it is unpublished", async () => {
      const article = await draft("Pulled story", { tags: ["Night Ferries"] });
      const published = await publishArticle({ id: article.id });
      if (published.status === "invalid") throw new Error(published.message);
      takeExpiredTags();
      const unpublished = await unpublishArticle({ id: article.id });
      expect(unpublished.expired.toSorted()).toEqual(published.expired.toSorted());
    });
  });
});
