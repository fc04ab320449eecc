import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadNewsroomContent } from "@/lib/content/load";
import type { Staff } from "@/lib/auth/roles";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { buildRssFeed, siteChannel } from "@/lib/feeds/build-feeds";
import { signInAs } from "@/test/staff-session";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { auditLog } from "../schema";
import { seedNewsroom } from "../seed";
import { addArticleNote, deleteArticleNote, editArticleNote } from "./article-notes";
import { listCorrections } from "./published-notes";
import { getPublishedArticle } from "./articles";
import { listFeedArticles } from "./feeds";
import { listLiveEntries } from "./live-entries";
import {
  createArticleDraft,
  getArticleForEditing,
  publishArticle,
  saveArticle,
  unpublishArticle,
} from "./newsroom-articles";
import { getSection } from "./sections";
import { listSitemapArticles } from "./sitemap";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "./staff";
vi.mock("@/lib/auth", () => import("@/test/staff-session"));

const PASSWORD = "correct horse battery staple";
const COMMISSIONED = "ukraine-to-receive-nato-support-and-membership-after-conflict";
const SAMPLE_CORRECTED = "drought-pushes-tollan-valley-farmers-from-rice-to-millet";
const SAMPLE_LIVE = "live-ceasefire-talks-open-in-the-border-town-of-ravensk";
const staff: Record<"admin" | "editor" | "writer", Staff> = {} as never;
const site = {
  name: "The Meridian",
  description: "News.",
  language: "en",
  url: "https://news.example",
  logoPath: "/apple-icon.png",
  timeZone: "UTC",
};

const story = () => getPublishedArticle({ slug: COMMISSIONED }).then((article) => article!);

async function auditActions(articleId: string) {
  const rows = await getDb()
    .select({ action: auditLog.action, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "article"), eq(auditLog.entityId, articleId)))
    .orderBy(asc(auditLog.id));
  return rows;
}

async function siteFeedItem(articleId: string) {
  const articles = await listFeedArticles({ scope: { kind: "site" } });
  return articles.find((article) => article.id === articleId)!;
}

describe(`corrections and updates on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
    staff.admin = await createFirstAdministrator({
      name: "Ada Admin",
      email: "ada@newsroom.example",
      password: PASSWORD,
    });
    for (const role of ["editor", "writer"] as const) {
      staff[role] = await provisionStaffAccountFromCommandLine({
        name: `Notes ${role}`,
        email: `notes-${role}@newsroom.example`,
        role,
        password: PASSWORD,
      });
    }
  });
  beforeEach(() => signInAs(staff.editor));
  afterAll(() => closeDatabase());

  it("shows a new installation's sample corrections on their story, under the live entry, and on the corrections list", async () => {
    const sample = (await getPublishedArticle({ slug: SAMPLE_CORRECTED }))!;
    expect(sample.notes.map((note) => note.kind)).toEqual(["correction", "update"]);
    expect(sample.revisedAt).toEqual(sample.notes[1]!.notedAt);
    const live = (await getPublishedArticle({ slug: SAMPLE_LIVE }))!;
    expect(live.notes, "an entry's correction is not the story's own").toEqual([]);
    const corrected = (await listLiveEntries({ articleId: live.id })).filter((entry) => entry.notes.length > 0);
    expect(corrected.map((entry) => entry.notes[0]!.body)).toEqual([expect.stringContaining("6 percent")]);
    expect((await listCorrections()).corrections.map((note) => note.story.slug)).toEqual([
      SAMPLE_LIVE,
      SAMPLE_CORRECTED,
    ]);
  });

  it("puts an editor's correction on the story, on the corrections list, in the feed first and in its dates", async () => {
    const before = await story();
    const [sitemapBefore] = (await listSitemapArticles({ offset: 0, limit: 1_000 })).filter((entry) =>
      entry.path.endsWith(COMMISSIONED),
    );
    const body = "An earlier version of this story misstated the date of the summit.";
    const change = await addArticleNote({ articleId: before.id, kind: "correction", body });
    expect(change).toMatchObject({ status: "ok", articleId: before.id });
    if (change.status !== "ok") return;
    expect(change.expired).toEqual(
      expect.arrayContaining([`story:${before.id}`, "corrections", "feeds", "sitemaps", "section:conflicts"]),
    );

    const after = await story();
    expect(after.notes).toEqual([expect.objectContaining({ kind: "correction", body })]);
    expect(after.revisedAt).not.toBeNull();
    expect(after.revisedAt!.getTime()).toBeGreaterThan((before.revisedAt ?? before.publishedAt).getTime());

    const { corrections } = await listCorrections();
    expect(corrections[0]).toMatchObject({ kind: "correction", body, story: { slug: COMMISSIONED } });

    const item = await siteFeedItem(before.id);
    expect(item.updatedAt).toEqual(after.revisedAt);
    const rss = buildRssFeed({ site, channel: siteChannel(site, "/rss.xml"), articles: [item] });
    expect(rss).toContain(`<guid isPermaLink="false">urn:uuid:${before.id}</guid>`);
    const encoded = rss.slice(rss.indexOf("<content:encoded><![CDATA[") + "<content:encoded><![CDATA[".length);
    expect(encoded.startsWith("<p><strong>")).toBe(true);
    expect(encoded.indexOf(body)).toBeLessThan(encoded.indexOf("NATO"));

    const [sitemapAfter] = (await listSitemapArticles({ offset: 0, limit: 1_000 })).filter((entry) =>
      entry.path.endsWith(COMMISSIONED),
    );
    expect(sitemapAfter!.lastModified!.getTime()).toBeGreaterThan(sitemapBefore!.lastModified!.getTime());
  });

  it("shows an update note on the story but not on the corrections list", async () => {
    const { id } = await story();
    await addArticleNote({ articleId: id, kind: "update", body: "Ministers met again on Friday." });
    expect((await story()).notes.map((note) => note.kind)).toEqual(["correction", "update"]);
    expect((await listCorrections()).corrections.map((note) => note.kind)).not.toContain("update");
  });

  it("moves the story's updated time for an update but not for a silent fix", async () => {
    const { id } = await story();
    const editing = await getArticleForEditing({ id });
    const revisedBefore = (await story()).revisedAt!;
    const fixed = await saveArticle({
      id,
      expectedVersion: editing!.version,
      changeKind: "fix",
      seoDescription: "A typo fixed",
    });
    expect(fixed.status).toBe("saved");
    expect((await story()).revisedAt).toEqual(revisedBefore);
    const updated = await saveArticle({
      id,
      expectedVersion: editing!.version + 1,
      changeKind: "update",
      seoDescription: "A new paragraph",
    });
    expect(updated.status).toBe("saved");
    expect((await story()).revisedAt!.getTime()).toBeGreaterThan(revisedBefore.getTime());
  });

  it("dates a story published again afresh, with no update time older than its publication", async () => {
    const sectionId = (await getSection({ slug: "world" }))!.id;
    const published = await createArticleDraft({
      headline: "Published twice",
      dek: "",
      sectionId,
      tags: [],
      bodyMdx: "Text.",
      intent: "publish",
    });
    if (published.status !== "saved") throw new Error("not published");
    await addArticleNote({ articleId: published.id, kind: "update", body: "More news." });
    await unpublishArticle({ id: published.id });
    await publishArticle({ id: published.id });
    const again = (await getPublishedArticle({ slug: published.slug }))!;
    expect(again.revisedAt).toBeNull();
    expect(again.notes).toHaveLength(1);
  });

  it("refuses a note on a story readers cannot see, and says what to do", async () => {
    const sectionId = (await getSection({ slug: "world" }))!.id;
    const draft = await createArticleDraft({ headline: "Not out yet", dek: "", sectionId, tags: [], bodyMdx: "Text." });
    if (draft.status !== "saved") throw new Error("no draft");
    expect(await addArticleNote({ articleId: draft.id, kind: "correction", body: "Wrong." })).toEqual({
      status: "invalid",
      message: "Corrections and updates go on published stories: publish this one first.",
    });
  });

  it("lets only editors add notes and only administrators change or delete one, each in the audit log", async () => {
    const { id, notes } = await story();
    const correction = notes.find((note) => note.kind === "correction")!;
    signInAs(staff.writer);
    await expect(addArticleNote({ articleId: id, kind: "correction", body: "No." })).rejects.toThrow(
      NotAuthorizedError,
    );
    signInAs(staff.editor);
    await expect(editArticleNote({ noteId: correction.id, kind: "correction", body: "Reworded." })).rejects.toThrow(
      NotAuthorizedError,
    );
    await expect(deleteArticleNote({ noteId: correction.id })).rejects.toThrow(NotAuthorizedError);

    signInAs(staff.admin);
    const reworded = "An earlier version of this story gave the wrong date for the summit.";
    expect(await editArticleNote({ noteId: correction.id, kind: "correction", body: reworded })).toMatchObject({
      status: "ok",
    });
    expect((await story()).notes.find((note) => note.id === correction.id)?.body).toBe(reworded);
    await deleteArticleNote({ noteId: correction.id });
    expect((await story()).notes.map((note) => note.id)).not.toContain(correction.id);

    const trail = await auditActions(id);
    const noteEntries = trail.filter((entry) => entry.action.startsWith("article.note-"));
    expect(noteEntries.map((entry) => entry.action)).toEqual([
      "article.note-added",
      "article.note-added",
      "article.note-edited",
      "article.note-deleted",
    ]);
    expect(noteEntries[2]!.detail).toMatchObject({ before: { body: correction.body }, after: { body: reworded } });
    expect(noteEntries[3]!.detail).toMatchObject({ body: reworded });
  });
});
