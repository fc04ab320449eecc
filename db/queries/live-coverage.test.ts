import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadNewsroomContent } from "@/lib/content/load";
import type { Staff } from "@/lib/auth/roles";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { buildLiveEntriesRssFeed, liveFeedLastModified } from "@/lib/feeds/build-feeds";
import { site } from "@/lib/site";
import { signInAs } from "@/test/staff-session";
import { closeDatabase, databaseDriver, migrateDatabase } from "../client";
import { seedNewsroom } from "../seed";
import {
  approveLiveEntry,
  deleteLiveEntry,
  editLiveEntry,
  endLiveCoverage,
  getLiveCoverageForStaff,
  pinLiveEntry,
  postLiveEntry,
  startLiveCoverage,
  storyFromLiveEntry,
} from "./live-coverage";
import { addArticleNote } from "./article-notes";
import { listFeedArticles } from "./feeds";
import { findArticleNotes, listCorrections } from "./published-notes";
import { findEntryGraphicPhotos, findLiveUpdatesSince, getLiveFeed, listLiveEntries } from "./live-entries";
import { setPhotoGraphicWarning, updatePhotoText, uploadPhoto } from "./media";
import { createArticleDraft, getArticleForEditing } from "./newsroom-articles";
import { getSection } from "./sections";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "./staff";
vi.mock("@/lib/auth", () => import("@/test/staff-session"));

const PASSWORD = "correct horse battery staple";
const staff: Record<"editor" | "writer" | "otherWriter", Staff> = {} as never;
let story = { id: "", slug: "" };

async function post(writer: Staff, bodyMdx: string, title = "") {
  signInAs(writer);
  const posted = await postLiveEntry({ articleId: story.id, title, bodyMdx });
  signInAs(staff.editor);
  return posted;
}

const readerBodies = async () => (await listLiveEntries({ articleId: story.id })).map((entry) => entry.plainText);
const staffEntry = async (text: string) =>
  (await getLiveCoverageForStaff({ articleId: story.id })).entries.find((entry) => entry.bodyMdx === text)!;

describe(`live coverage on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
    await createFirstAdministrator({ name: "Ada Admin", email: "ada@newsroom.example", password: PASSWORD });
    for (const [key, role] of [
      ["editor", "editor"],
      ["writer", "writer"],
      ["otherWriter", "writer"],
    ] as const) {
      staff[key] = await provisionStaffAccountFromCommandLine({
        name: `Live ${key}`,
        email: `live-${key}@newsroom.example`,
        role,
        password: PASSWORD,
      });
    }
    signInAs(staff.editor);
    const sectionId = (await getSection({ slug: "conflicts" }))!.id;
    const published = await createArticleDraft({
      headline: "Ceasefire talks: live",
      dek: "",
      sectionId,
      tags: [],
      bodyMdx: "Talks began this morning.",
      intent: "publish",
    });
    if (published.status !== "saved") throw new Error("not published");
    story = { id: published.id, slug: published.slug };
  });
  beforeEach(() => signInAs(staff.editor));
  afterAll(() => closeDatabase());

  it("turns a story live, and a writer's entries reach readers newest first, expiring only that story", async () => {
    expect(await startLiveCoverage({ articleId: story.id, entriesNeedReview: false })).toMatchObject({ status: "ok" });
    for (const text of ["Delegations arrived.", "Talks paused for lunch.", "A draft text is circulating."]) {
      const posted = await post(staff.writer, text);
      expect(posted).toMatchObject({ status: "ok", entryStatus: "published" });
      if (posted.status === "ok")
        expect(posted.expired.sort()).toEqual([`story-address:${story.slug}`, `story:${story.id}`]);
    }
    expect(await readerBodies()).toEqual([
      "A draft text is circulating.",
      "Talks paused for lunch.",
      "Delegations arrived.",
    ]);
  });

  it("tells a reader's open page how many entries it lacks since the newest it shows", async () => {
    const [newest, , oldest] = await listLiveEntries({ articleId: story.id });
    expect(await findLiveUpdatesSince({ slug: story.slug, after: oldest!.id })).toEqual({
      newEntries: 2,
      newestId: newest!.id,
    });
    expect(await findLiveUpdatesSince({ slug: story.slug, after: newest!.id })).toMatchObject({ newEntries: 0 });
    expect(await findLiveUpdatesSince({ slug: "no-such-story", after: null })).toBeNull();
  });

  it("holds a writer's entry for an editor when the story asks for review", async () => {
    await startLiveCoverage({ articleId: story.id, entriesNeedReview: true });
    const waiting = await post(staff.writer, "Unconfirmed: a deal is near.");
    expect(waiting).toMatchObject({ status: "ok", entryStatus: "pending", expired: [] });
    expect(await readerBodies()).not.toContain("Unconfirmed: a deal is near.");
    expect(await post(staff.editor, "The mediator will speak at six.")).toMatchObject({ entryStatus: "published" });
    await approveLiveEntry({ entryId: (await staffEntry("Unconfirmed: a deal is near.")).id });
    expect((await readerBodies())[0]).toBe("Unconfirmed: a deal is near.");

    const approved = await staffEntry("Unconfirmed: a deal is near.");
    signInAs(staff.writer);
    const rewrite = "Confirmed: a deal is signed.";
    await editLiveEntry({ entryId: approved.id, expectedVersion: approved.version, title: "", bodyMdx: rewrite });
    expect(await readerBodies(), "a rewrite waits for the editor again").not.toContain(rewrite);
    expect(await readerBodies()).not.toContain("Unconfirmed: a deal is near.");
    signInAs(staff.editor);
    await approveLiveEntry({ entryId: approved.id });
    expect((await readerBodies())[0]).toBe(rewrite);
    await startLiveCoverage({ articleId: story.id, entriesNeedReview: false });
  });

  it("lets writers change only their own entries, over the version they read", async () => {
    const entry = await staffEntry("Delegations arrived.");
    signInAs(staff.otherWriter);
    await expect(
      editLiveEntry({ entryId: entry.id, expectedVersion: entry.version, title: "", bodyMdx: "Mine now." }),
    ).rejects.toThrow(NotAuthorizedError);
    await expect(deleteLiveEntry({ entryId: entry.id })).rejects.toThrow(NotAuthorizedError);
    await expect(pinLiveEntry({ entryId: entry.id, pinned: true })).rejects.toThrow(NotAuthorizedError);
    await expect(approveLiveEntry({ entryId: entry.id })).rejects.toThrow(NotAuthorizedError);
    await expect(endLiveCoverage({ articleId: story.id })).rejects.toThrow(NotAuthorizedError);

    signInAs(staff.writer);
    const fixed = "Both delegations arrived by road.";
    expect(
      await editLiveEntry({ entryId: entry.id, expectedVersion: entry.version, title: "Arrivals", bodyMdx: fixed }),
    ).toMatchObject({ status: "ok" });
    expect(
      await editLiveEntry({ entryId: entry.id, expectedVersion: entry.version, title: "", bodyMdx: "Stale." }),
    ).toMatchObject({ status: "conflict" });
    expect(await readerBodies()).toContain(fixed);
  });

  it("shows a pinned entry as a key event, and drops a deleted one", async () => {
    const key = await staffEntry("A draft text is circulating.");
    await pinLiveEntry({ entryId: key.id, pinned: true });
    expect((await listLiveEntries({ articleId: story.id })).find((entry) => entry.id === key.id)?.pinned).toBe(true);
    signInAs(staff.writer);
    await deleteLiveEntry({ entryId: (await staffEntry("Talks paused for lunch.")).id });
    expect(await readerBodies()).not.toContain("Talks paused for lunch.");
  });

  it("shows a draft's live page only to its bylines and the editors", async () => {
    const sectionId = (await getSection({ slug: "conflicts" }))!.id;
    signInAs(staff.writer);
    const draft = await createArticleDraft({ headline: "Not out yet", dek: "", sectionId, tags: [], bodyMdx: "Text." });
    if (draft.status !== "saved") throw new Error("no draft");
    expect((await getLiveCoverageForStaff({ articleId: draft.id })).coverage.headline).toBe("Not out yet");
    signInAs(staff.otherWriter);
    await expect(getLiveCoverageForStaff({ articleId: draft.id })).rejects.toThrow(NotAuthorizedError);
    expect((await getLiveCoverageForStaff({ articleId: story.id })).coverage.slug).toBe(story.slug);
    signInAs(staff.editor);
    expect((await getLiveCoverageForStaff({ articleId: draft.id })).coverage.headline).toBe("Not out yet");
  });

  it("refuses an entry whose MDX would run code, and writes nothing", async () => {
    const marker = path.join(os.tmpdir(), `live-entry-probe-${process.pid}`);
    const hostile = `{require("fs").writeFileSync(${JSON.stringify(marker)}, "ran")}\n\nimport fs from "fs"`;
    const before = (await getLiveCoverageForStaff({ articleId: story.id })).entries.length;
    const refused = await post(staff.writer, hostile);
    expect(refused).toMatchObject({ status: "invalid" });
    expect(refused.status === "invalid" && refused.issues?.length).toBeGreaterThan(0);
    expect(existsSync(marker)).toBe(false);
    expect((await getLiveCoverageForStaff({ articleId: story.id })).entries).toHaveLength(before);
  });

  it("shows a live story's newest entries first in its item in the site's feeds, dated by the newest", async () => {
    const item = (await listFeedArticles({ scope: { kind: "site" } })).find((article) => article.id === story.id)!;
    const newest = (await listLiveEntries({ articleId: story.id })).slice(0, 3);
    expect(item.liveEntries?.map((entry) => entry.id)).toEqual(newest.map((entry) => entry.id));
    expect(item.updatedAt).toEqual(newest[0]!.postedAt);
  });

  it("turns an entry into a draft story of its own, in the same section, bylined to the entry's writer", async () => {
    const entry = await staffEntry("A draft text is circulating.");
    signInAs(staff.otherWriter);
    const made = await storyFromLiveEntry({ entryId: entry.id });
    expect(made.status).toBe("ok");
    if (made.status !== "ok") return;
    const draft = (await getArticleForEditing({ id: made.id }))!;
    expect(draft).toMatchObject({ status: "draft", headline: "A draft text is circulating.", bodyMdx: entry.bodyMdx });
    expect(draft.bylines.map((byline) => byline.id)).toEqual([staff.writer.id, staff.otherWriter.id]);
    expect(await readerBodies()).toContain("A draft text is circulating.");
  });

  it("puts a graphic photo in an entry behind its warning, on the page and in the feeds", async () => {
    const bytes = new Uint8Array(readFileSync(path.join(process.cwd(), "test/fixtures/photos/photo.webp")));
    const upload = await uploadPhoto({ bytes, originalName: "valley.webp" });
    if (upload.status !== "ok") throw new Error(upload.message);
    const photoId = upload.photo.id;
    await updatePhotoText({ id: photoId, altText: "A burnt-out lorry", caption: "The valley road.", credit: "" });
    await setPhotoGraphicWarning({ id: photoId, graphicWarning: "This image shows a burnt body" });
    const posted = await post(
      staff.editor,
      `The road this morning.\n\n<Figure photo="${photoId}" caption="The road" />`,
    );
    expect(posted).toMatchObject({ status: "ok" });
    const entries = await listLiveEntries({ articleId: story.id });
    expect(await findEntryGraphicPhotos(entries.map((entry) => entry.photoIds))).toEqual({
      [photoId]: "This image shows a burnt body",
    });
    expect((await getLiveFeed({ slug: story.slug }))?.graphicPhotos).toEqual({
      [photoId]: "This image shows a burnt body",
    });
  });

  it("corrects an entry as a story is corrected: under it, in its feeds and on /corrections, not as the story's note", async () => {
    const [entry] = await listLiveEntries({ articleId: story.id });
    if (!entry) throw new Error("no entry");
    const body = "An earlier version of this entry said the lorry had been shelled.";
    signInAs(staff.writer);
    await expect(
      addArticleNote({ articleId: story.id, liveEntryId: entry.id, kind: "correction", body }),
    ).rejects.toThrow(NotAuthorizedError);
    signInAs(staff.editor);
    expect(
      await addArticleNote({ articleId: story.id, liveEntryId: entry.id, kind: "update", body: "More news." }),
      "news since goes in a new entry",
    ).toMatchObject({ status: "invalid" });
    expect(
      await addArticleNote({ articleId: story.id, liveEntryId: crypto.randomUUID(), kind: "correction", body }),
    ).toMatchObject({ status: "invalid", message: expect.stringMatching(/not on the live page/) });

    const change = await addArticleNote({ articleId: story.id, liveEntryId: entry.id, kind: "correction", body });
    expect(change).toMatchObject({ status: "ok" });
    if (change.status === "ok")
      expect(change.expired).toEqual(expect.arrayContaining([`story:${story.id}`, "corrections", "feeds"]));

    const onPage = (await listLiveEntries({ articleId: story.id })).find((shown) => shown.id === entry.id)!;
    expect(onPage.notes).toEqual([expect.objectContaining({ kind: "correction", body })]);
    expect((await findArticleNotes([story.id])).get(story.id) ?? []).toEqual([]);
    expect((await listCorrections()).corrections[0]).toMatchObject({ body, story: { slug: story.slug } });
    expect(
      (await getLiveCoverageForStaff({ articleId: story.id })).entries.find((e) => e.id === entry.id)?.notes,
    ).toEqual([expect.objectContaining({ body })]);

    const live = (await getLiveFeed({ slug: story.slug }))!;
    const rss = buildLiveEntriesRssFeed({ site, ...live });
    const item = rss.slice(rss.indexOf(`#entry-${entry.id}`));
    expect(item.slice(0, item.indexOf("</item>"))).toContain(body);
    expect(liveFeedLastModified(live.entries).getTime()).toBeGreaterThanOrEqual(onPage.notes[0]!.notedAt.getTime());
    const feedItem = (await listFeedArticles({ scope: { kind: "site" } })).find((article) => article.id === story.id)!;
    expect(feedItem.liveEntries?.find((shown) => shown.id === entry.id)?.notes).toHaveLength(1);

    await deleteLiveEntry({ entryId: entry.id });
    expect(
      (await listCorrections()).corrections.map((note) => note.body),
      "a deleted entry's note goes with it",
    ).not.toContain(body);
  });

  it("lists the entries in the story's own feed, and takes no more once the coverage has ended", async () => {
    const feed = await getLiveFeed({ slug: story.slug });
    expect(feed?.entries.map((entry) => entry.plainText)).toEqual(await readerBodies());
    expect(feed?.entries[0]?.feedBody).not.toBeNull();
    expect(await endLiveCoverage({ articleId: story.id })).toMatchObject({ status: "ok" });
    expect(await post(staff.writer, "Too late.")).toMatchObject({ status: "invalid" });
    expect((await getLiveFeed({ slug: story.slug }))?.story.endedAt).not.toBeNull();
  });
});
