import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadNewsroomContent } from "@/lib/content/load";
import type { Staff } from "@/lib/auth/roles";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { auditLog } from "../schema";
import { seedNewsroom } from "../seed";
import {
  createArticleDraft,
  getArticleForEditing,
  listNewsroomArticles,
  returnArticleToWriter,
  saveArticle,
} from "./newsroom-articles";
import { getSection } from "./sections";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "./staff";
import { signInAs } from "@/test/staff-session";
vi.mock("@/lib/auth", () => import("@/test/staff-session"));

const PASSWORD = "correct horse battery staple";
const staff: Record<"editor" | "writer" | "otherWriter", Staff> = {} as never;
let sectionId = "";

const story = (headline: string) => ({ headline, dek: "", sectionId, tags: [], bodyMdx: "A paragraph." });

async function draftBy(writer: Staff, headline: string) {
  signInAs(writer);
  const result = await createArticleDraft(story(headline));
  if (result.status !== "saved") throw new Error("the draft was not saved");
  return result;
}

async function sendForReview(id: string, expectedVersion: number, headline: string) {
  const result = await saveArticle({ id, expectedVersion, ...story(headline), intent: "review" });
  if (result.status !== "saved") throw new Error(`sending for review came back ${result.status}`);
  return result;
}

async function queue() {
  signInAs(staff.editor);
  return (await listNewsroomArticles({ status: "review", page: 1 })).articles.map((row) => row.headline);
}

const auditTrail = async (id: string) =>
  (
    await getDb()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "article"), eq(auditLog.entityId, id)))
      .orderBy(asc(auditLog.id))
  ).map((entry) => entry.action);

describe(`review before publish on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
    sectionId = (await getSection({ slug: "world" }))!.id;
    await createFirstAdministrator({ name: "Ada Admin", email: "ada@newsroom.example", password: PASSWORD });
    for (const [key, role] of [
      ["editor", "editor"],
      ["writer", "writer"],
      ["otherWriter", "writer"],
    ] as const) {
      staff[key] = await provisionStaffAccountFromCommandLine({
        name: `Review ${key}`,
        email: `review-${key}@newsroom.example`,
        role,
        password: PASSWORD,
      });
    }
  });
  beforeEach(() => signInAs(undefined));
  afterAll(() => closeDatabase());

  it("takes a writer's draft through the queue, back to the writer with a note, and out to readers", async () => {
    const draft = await draftBy(staff.writer, "Harbour strike");
    const sent = await sendForReview(draft.id, draft.version, "Harbour strike");
    expect(sent.expired).toEqual([]);
    expect(await queue()).toContain("Harbour strike");

    signInAs(staff.editor);
    const returned = await returnArticleToWriter({
      id: draft.id,
      expectedVersion: sent.version,
      note: "  Name the union.  ",
    });
    expect(returned).toEqual({ status: "returned", version: sent.version + 1 });
    expect(await queue()).not.toContain("Harbour strike");

    signInAs(staff.writer);
    const seen = await getArticleForEditing({ id: draft.id });
    expect(seen?.review).toMatchObject({ state: "returned", note: "Name the union.", reviewedByName: "Review editor" });
    expect(seen?.review.reviewedAt).toBeInstanceOf(Date);

    const again = await sendForReview(draft.id, seen!.version, "Harbour strike: dockers' union walks out");
    expect((await getArticleForEditing({ id: draft.id }))?.review).toMatchObject({ state: "ready", note: null });
    expect(await queue()).toContain("Harbour strike: dockers' union walks out");

    signInAs(staff.editor);
    const published = await saveArticle({
      id: draft.id,
      expectedVersion: again.version,
      ...story("Harbour strike: dockers' union walks out"),
      intent: "publish",
    });
    expect(published).toMatchObject({ status: "saved", publication: "published" });
    expect(await queue()).not.toContain("Harbour strike: dockers' union walks out");
    expect((await getArticleForEditing({ id: draft.id }))?.review.state).toBe("none");
    expect(await auditTrail(draft.id)).toEqual([
      "article.created",
      "article.sent-for-review",
      "article.returned",
      "article.sent-for-review",
      "article.published",
    ]);
  });

  it("lists the queue oldest request first, and keeps a story's place when its writer saves it meanwhile", async () => {
    const first = await draftBy(staff.writer, "Queue first");
    const firstSent = await sendForReview(first.id, first.version, "Queue first");
    const second = await draftBy(staff.otherWriter, "Queue second");
    await sendForReview(second.id, second.version, "Queue second");
    signInAs(staff.writer);
    await saveArticle({ id: first.id, expectedVersion: firstSent.version, ...story("Queue first"), bodyMdx: "More." });
    const order = await queue();
    expect(order.indexOf("Queue first")).toBeLessThan(order.indexOf("Queue second"));
  });

  it("lets a writer send only their own drafts, and never a published story", async () => {
    const theirs = await draftBy(staff.otherWriter, "Someone else's draft");
    signInAs(staff.writer);
    await expect(sendForReview(theirs.id, theirs.version, "Someone else's draft")).rejects.toThrow(NotAuthorizedError);

    const mine = await draftBy(staff.writer, "Published already");
    signInAs(staff.editor);
    const published = await saveArticle({
      id: mine.id,
      expectedVersion: mine.version,
      ...story("Published already"),
      intent: "publish",
    });
    if (published.status !== "saved") throw new Error("not published");
    signInAs(staff.writer);
    await expect(sendForReview(mine.id, published.version, "Published already")).rejects.toThrow(NotAuthorizedError);
    signInAs(staff.editor);
    await expect(sendForReview(mine.id, published.version, "Published already")).rejects.toThrow(
      /Only a draft can be sent for review/,
    );
  });

  it("lets only editors return a story, and only over the version they read, with a note", async () => {
    const draft = await draftBy(staff.writer, "Return rules");
    const sent = await sendForReview(draft.id, draft.version, "Return rules");
    signInAs(staff.writer);
    await expect(returnArticleToWriter({ id: draft.id, expectedVersion: sent.version, note: "No." })).rejects.toThrow(
      NotAuthorizedError,
    );
    signInAs(undefined);
    await expect(returnArticleToWriter({ id: draft.id, expectedVersion: sent.version, note: "No." })).rejects.toThrow(
      NotAuthorizedError,
    );
    signInAs(staff.editor);
    expect(await returnArticleToWriter({ id: draft.id, expectedVersion: sent.version, note: "   " })).toMatchObject({
      status: "invalid",
    });
    expect(await returnArticleToWriter({ id: draft.id, expectedVersion: draft.version, note: "Stale." })).toMatchObject(
      { status: "conflict", current: { version: sent.version } },
    );
    expect(await queue()).toContain("Return rules");
    expect(await auditTrail(draft.id)).not.toContain("article.returned");
  });

  it("refuses to return a draft nobody sent for review", async () => {
    const draft = await draftBy(staff.writer, "Never sent");
    signInAs(staff.editor);
    expect(
      await returnArticleToWriter({ id: draft.id, expectedVersion: draft.version, note: "Not asked." }),
    ).toMatchObject({ status: "invalid" });
  });
});
