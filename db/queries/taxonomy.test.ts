import path from "node:path";
import { and, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Staff } from "@/lib/auth/roles";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { loadNewsroomContent } from "@/lib/content/load";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { articles, articleTags, auditLog, sections, tagRedirects, tags, users } from "../schema";
import { seedNewsroom } from "../seed";
import { NotFoundError } from "./errors";
import { createArticleDraft, publishArticle } from "./newsroom-articles";
import { getPublishedArticle } from "./articles";
import { getSection } from "./sections";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "./staff";
import { findTagRedirect, getTag } from "./tags";
import {
  createSection,
  createTag,
  deleteTag,
  listSectionsForManagement,
  listTagsWithCounts,
  mergeTags,
  moveSection,
  renameTag,
  updateSection,
  type TagSummary,
} from "./taxonomy";

import { signInAs } from "@/test/staff-session";
vi.mock("@/lib/auth", () => import("@/test/staff-session"));

type Actor = "anonymous" | "disabled" | "writer" | "editor" | "admin";
const staff: Partial<Record<Actor, Staff>> = {};
const PASSWORD = "correct horse battery staple";

function actAs(actor: Actor) {
  signInAs(staff[actor]);
}

/** "ok" only when the work was done: an "invalid" answer would hide a broken fixture behind a passing matrix. */
async function outcome(run: () => Promise<unknown>): Promise<"ok" | "invalid" | "refused"> {
  try {
    const result = await run();
    return typeof result === "object" && result !== null && "status" in result && result.status === "invalid"
      ? "invalid"
      : "ok";
  } catch (error) {
    if (error instanceof NotAuthorizedError) return "refused";
    throw error;
  }
}

let sectionId = "";

async function articleTagged(headline: string, tagNames: string[], { publish = false } = {}): Promise<string> {
  actAs("editor");
  const draft = await createArticleDraft({
    headline,
    dek: "A standfirst.",
    sectionId,
    tags: tagNames,
    bodyMdx: "A paragraph.",
  });
  if (draft.status !== "saved") throw new Error(`"${headline}" was not saved`);
  if (publish) await publishArticle({ id: draft.id });
  return draft.id;
}

async function newTag(name: string): Promise<TagSummary> {
  actAs("editor");
  const result = await createTag({ name });
  if (result.status !== "ok") throw new Error(result.message);
  return result.tag;
}

/** The tag as the newsroom sees it, whether or not a public story carries it yet. */
async function tagInNewsroom(slug: string): Promise<TagSummary | null> {
  actAs("editor");
  return (await listTagsWithCounts()).find((row) => row.slug === slug) ?? null;
}

async function articlesTagged(tagId: string): Promise<string[]> {
  const rows = await getDb()
    .select({ id: articleTags.articleId })
    .from(articleTags)
    .where(eq(articleTags.tagId, tagId));
  return rows.map((row) => row.id).sort();
}

async function auditedActions(entityId: string): Promise<string[]> {
  const rows = await getDb()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.entityId, entityId))
    .orderBy(auditLog.id);
  return rows.map((row) => row.action);
}

async function navigation() {
  actAs("editor");
  return listSectionsForManagement();
}

describe(`tags and sections on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
    sectionId = (await getSection({ slug: "world" }))!.id;
    staff.admin = await createFirstAdministrator({
      name: "Ada Admin",
      email: "ada@newsroom.example",
      password: PASSWORD,
    });
    for (const [actor, role] of [
      ["editor", "editor"],
      ["writer", "writer"],
      ["disabled", "editor"],
    ] as const) {
      staff[actor] = await provisionStaffAccountFromCommandLine({
        name: `Test ${actor}`,
        email: `${actor}@newsroom.example`,
        role,
        password: PASSWORD,
      });
    }
    await getDb().update(users).set({ disabled: true }).where(eq(users.id, staff.disabled!.id));
  });

  beforeEach(() => actAs("anonymous"));
  afterAll(() => closeDatabase());

  describe("the authorization matrix", () => {
    const everyone: Actor[] = ["anonymous", "disabled", "writer", "editor", "admin"];
    const editorsOnly = { anonymous: "refused", disabled: "refused", writer: "refused", editor: "ok", admin: "ok" };

    /** Each actor gets a fixture of its own, made by an administrator, so every allowed call has real work to do. */
    async function matrix<T>(
      prepare: (actor: Actor) => Promise<T>,
      run: (fixture: T, actor: Actor) => Promise<unknown>,
    ) {
      const results: Partial<Record<Actor, string>> = {};
      for (const actor of everyone) {
        actAs("admin");
        const fixture = await prepare(actor);
        actAs(actor);
        results[actor] = await outcome(() => run(fixture, actor));
      }
      return results;
    }

    const nothing = async () => undefined;
    const tagNamed = async (name: string) => {
      const result = await createTag({ name });
      if (result.status !== "ok") throw new Error(result.message);
      return result.tag;
    };
    const sectionFor = async (actor: Actor) => {
      const result = await createSection({ name: `Matrix ${actor} desk`, description: "" });
      if (result.status !== "ok") throw new Error(result.message);
      return result.section;
    };

    it("lets only editors and admins read the tag and section lists", async () => {
      expect(await matrix(nothing, () => listTagsWithCounts())).toEqual(editorsOnly);
      expect(await matrix(nothing, () => listSectionsForManagement())).toEqual(editorsOnly);
    });

    it("lets only editors and admins create tags, and a refused call writes nothing", async () => {
      expect(await matrix(nothing, (_, actor) => createTag({ name: `Created by ${actor}` }))).toEqual(editorsOnly);
      const created = await getDb()
        .select({ slug: tags.slug })
        .from(tags)
        .where(
          inArray(
            tags.slug,
            everyone.map((actor) => `created-by-${actor}`),
          ),
        );
      expect(created.map((row) => row.slug).sort()).toEqual(["created-by-admin", "created-by-editor"]);
    });

    it("lets only editors and admins rename, merge and delete tags", async () => {
      expect(
        await matrix(
          (actor) => tagNamed(`To rename ${actor}`),
          (tag, actor) => renameTag({ id: tag.id, name: `Renamed ${actor} tag` }),
        ),
      ).toEqual(editorsOnly);
      expect(
        await matrix(
          async (actor) => ({
            source: await tagNamed(`Merge source ${actor}`),
            target: await tagNamed(`Merge target ${actor}`),
          }),
          ({ source, target }) => mergeTags({ sourceId: source.id, targetId: target.id }),
        ),
      ).toEqual(editorsOnly);
      expect(
        await matrix(
          (actor) => tagNamed(`To delete ${actor}`),
          (tag) => deleteTag({ id: tag.id }),
        ),
      ).toEqual(editorsOnly);
    });

    it("lets only editors and admins create, edit and move sections", async () => {
      expect(await matrix(nothing, (_, actor) => createSection({ name: `Desk of ${actor}`, description: "" }))).toEqual(
        editorsOnly,
      );
      expect(
        await matrix(sectionFor, (section, actor) =>
          updateSection({ id: section.id, name: `Edited ${actor} desk`, description: "Edited." }),
        ),
      ).toEqual(editorsOnly);
      expect(
        await matrix(
          async () => (await listSectionsForManagement())[0]!,
          (section) => moveSection({ id: section.id, direction: "down" }),
        ),
      ).toEqual(editorsOnly);
    });
  });

  describe("tags", () => {
    it("counts every story a tag carries, trash excluded, and the published ones readers see, in name order", async () => {
      const tag = await newTag("Counting Test");
      await articleTagged("Counted draft", ["Counting Test"]);
      await articleTagged("Counted published story", ["Counting Test"], { publish: true });
      const trashed = await articleTagged("Counted trashed story", ["Counting Test"], { publish: true });
      await getDb().update(articles).set({ deletedAt: new Date() }).where(eq(articles.id, trashed));
      actAs("editor");
      const listed = await listTagsWithCounts();
      expect(listed.find((row) => row.id === tag.id)).toMatchObject({ articleCount: 2, publishedCount: 1 });
      expect(listed.find((row) => row.slug === "elections")).toMatchObject({ articleCount: 1, publishedCount: 1 });
      const names = listed.map((row) => row.name.toLowerCase());
      expect(names).toEqual([...names].sort());
    });

    it("answers a taken slug with an invalid result, not an exception", async () => {
      actAs("editor");
      expect(await createTag({ name: "ELECTIONS" })).toMatchObject({
        status: "invalid",
        message: expect.stringContaining("/tag/elections"),
      });
      expect(await createTag({ name: " !! " })).toMatchObject({ status: "invalid" });
    });

    it("keeps the old address reachable after a rename, and gives it back when renamed back", async () => {
      const article = await articleTagged("Harbour walkout", ["Harbour Strikes"], { publish: true });
      const tag = (await getTag({ slug: "harbour-strikes" }))!;
      actAs("editor");

      expect(await renameTag({ id: tag.id, name: "Dock Strikes" })).toMatchObject({
        status: "ok",
        tag: { slug: "dock-strikes", name: "Dock Strikes" },
      });
      expect(await getTag({ slug: "harbour-strikes" })).toBeNull();
      expect(await findTagRedirect({ slug: "harbour-strikes" })).toBe("dock-strikes");

      await renameTag({ id: tag.id, name: "Port Strikes" });
      expect(await findTagRedirect({ slug: "harbour-strikes" })).toBe("port-strikes");
      expect(await findTagRedirect({ slug: "dock-strikes" })).toBe("port-strikes");

      expect(await renameTag({ id: tag.id, name: "Harbour Strikes" })).toMatchObject({
        status: "ok",
        tag: { slug: "harbour-strikes" },
      });
      expect(await getTag({ slug: "harbour-strikes" })).toMatchObject({ id: tag.id });
      expect(await getDb().select().from(tagRedirects).where(eq(tagRedirects.oldSlug, "harbour-strikes"))).toEqual([]);
      expect(await findTagRedirect({ slug: "port-strikes" })).toBe("harbour-strikes");
      expect(await articlesTagged(tag.id)).toEqual([article]);
      expect(await auditedActions(tag.id)).toEqual(["tag.renamed", "tag.renamed", "tag.renamed"]);
    });

    it("changes only the name when the slug stays the same", async () => {
      const tag = await newTag("Rail freight");
      expect(await renameTag({ id: tag.id, name: "Rail Freight" })).toMatchObject({
        status: "ok",
        tag: { slug: "rail-freight", name: "Rail Freight" },
      });
      expect(await getDb().select().from(tagRedirects).where(eq(tagRedirects.tagId, tag.id))).toEqual([]);
    });

    it("refuses to rename onto another tag's slug and suggests merging", async () => {
      const tag = await newTag("Ballot Access");
      const result = await renameTag({ id: tag.id, name: "Voting rights" });
      expect(result).toMatchObject({ status: "invalid", message: expect.stringMatching(/merge/i) });
      expect(await tagInNewsroom("ballot-access")).toMatchObject({ id: tag.id, name: "Ballot Access" });
    });

    it("lets a new tag take over an address that only redirected", async () => {
      const tag = await newTag("Ferry Timetables");
      await renameTag({ id: tag.id, name: "Ferry Schedules" });
      const successor = await newTag("Ferry Timetables");
      expect(await tagInNewsroom("ferry-timetables")).toMatchObject({ id: successor.id });
      expect(await findTagRedirect({ slug: "ferry-timetables" })).toBeNull();
    });

    it("merges one tag into another without duplicates and redirects every address of the source", async () => {
      const both = await articleTagged("Tagged with both", ["Grain Prices", "Food Prices"], { publish: true });
      const sourceOnly = await articleTagged("Tagged with the source", ["Grain Prices"]);
      const targetOnly = await articleTagged("Tagged with the target", ["Food Prices"]);
      const source = (await tagInNewsroom("grain-prices"))!;
      const target = (await tagInNewsroom("food-prices"))!;
      actAs("editor");
      await renameTag({ id: source.id, name: "Cereal Prices" });
      await renameTag({ id: source.id, name: "Grain Prices" });

      expect(await mergeTags({ sourceId: source.id, targetId: target.id })).toMatchObject({
        status: "ok",
        newlyTagged: 1,
      });
      expect(await articlesTagged(target.id)).toEqual([both, sourceOnly, targetOnly].sort());
      expect(await articlesTagged(source.id)).toEqual([]);
      expect(await getTag({ slug: "grain-prices" })).toBeNull();
      expect(await findTagRedirect({ slug: "grain-prices" })).toBe("food-prices");
      expect(await findTagRedirect({ slug: "cereal-prices" })).toBe("food-prices");
      expect((await listTagsWithCounts()).find((row) => row.id === target.id)).toMatchObject({ articleCount: 3 });
      expect(await auditedActions(source.id)).toContain("tag.merged");
    });

    it("refuses to merge a tag into itself, and answers a tag that is gone as not found", async () => {
      const tag = await newTag("Self Merge");
      const gone = await newTag("Already Gone");
      await deleteTag({ id: gone.id });
      expect(await mergeTags({ sourceId: tag.id, targetId: tag.id })).toMatchObject({ status: "invalid" });
      await expect(mergeTags({ sourceId: tag.id, targetId: gone.id })).rejects.toThrow(NotFoundError);
      expect(await tagInNewsroom("self-merge")).toMatchObject({ id: tag.id });
    });

    it("deletes a tag from its stories, with its redirects, and keeps the stories", async () => {
      const article = await articleTagged("Tagged then untagged", ["Short Lived", "Agriculture"]);
      const tag = (await tagInNewsroom("short-lived"))!;
      actAs("editor");
      await renameTag({ id: tag.id, name: "Shorter Lived" });

      expect(await deleteTag({ id: tag.id })).toMatchObject({ status: "ok", untagged: 1 });
      expect(await tagInNewsroom("shorter-lived")).toBeNull();
      expect(await findTagRedirect({ slug: "short-lived" })).toBeNull();
      expect(await getDb().select().from(articleTags).where(eq(articleTags.tagId, tag.id))).toEqual([]);
      expect(await getDb().select({ id: articles.id }).from(articles).where(eq(articles.id, article))).toEqual([
        { id: article },
      ]);
      expect(await auditedActions(tag.id)).toEqual(["tag.renamed", "tag.deleted"]);
      await expect(deleteTag({ id: tag.id })).rejects.toThrow(NotFoundError);
    });
  });

  describe("sections", () => {
    it("adds a new section at the end of the navigation, and refuses a taken slug", async () => {
      actAs("editor");
      const result = await createSection({ name: "Science", description: "Discoveries and the people behind them." });
      expect(result).toMatchObject({ status: "ok", section: { slug: "science", name: "Science" } });
      const order = await navigation();
      expect(order.at(-1)).toMatchObject({ slug: "science" });
      expect(await createSection({ name: "science", description: "" })).toMatchObject({
        status: "invalid",
        message: expect.stringContaining("/category/science"),
      });
      expect(await auditedActions(order.at(-1)!.id)).toEqual(["category.created"]);
    });

    it("keeps a section's slug when it is renamed", async () => {
      actAs("editor");
      const climate = (await getSection({ slug: "climate" }))!;
      expect(
        await updateSection({ id: climate.id, name: "Climate and Environment", description: "A warming planet." }),
      ).toMatchObject({
        status: "ok",
        section: { slug: "climate", name: "Climate and Environment" },
      });
      expect(await getSection({ slug: "climate" })).toMatchObject({
        id: climate.id,
        name: "Climate and Environment",
        description: "A warming planet.",
      });
      expect(await createSection({ name: "Climate", description: "" })).toMatchObject({ status: "invalid" });
      expect(await updateSection({ id: climate.id, name: "Economy", description: "" })).toMatchObject({
        status: "invalid",
      });
    });

    it("lets an editor stop a section dating its old stories, which its story pages then read, and logs it", async () => {
      actAs("editor");
      const conflicts = (await getSection({ slug: "conflicts" }))!;
      const commissioned = "ukraine-to-receive-nato-support-and-membership-after-conflict";
      expect(await getPublishedArticle({ slug: commissioned })).toMatchObject({ sectionShowsAgeNotice: true });
      const exempted = await updateSection({
        id: conflicts.id,
        name: conflicts.name,
        description: conflicts.description,
        showsAgeNotice: false,
      });
      expect(exempted).toMatchObject({ status: "ok", section: { showsAgeNotice: false } });
      expect(await getPublishedArticle({ slug: commissioned })).toMatchObject({ sectionShowsAgeNotice: false });
      const [logged] = await getDb()
        .select({ detail: auditLog.detail })
        .from(auditLog)
        .where(and(eq(auditLog.entityId, conflicts.id), eq(auditLog.action, "category.updated")))
        .orderBy(desc(auditLog.id))
        .limit(1);
      expect(logged?.detail).toMatchObject({ from: { showsAgeNotice: true }, to: { showsAgeNotice: false } });

      await updateSection({ id: conflicts.id, name: conflicts.name, description: conflicts.description });
      expect(await getPublishedArticle({ slug: commissioned }), "left out, the setting stays").toMatchObject({
        sectionShowsAgeNotice: false,
      });
      await updateSection({ ...conflicts, showsAgeNotice: true });
    });

    it("swaps a section with its neighbour and numbers every position 0..n-1, even from ties", async () => {
      await getDb().update(sections).set({ position: 0 });
      const before = await navigation();
      const second = before[1]!;
      actAs("editor");
      expect(await moveSection({ id: second.id, direction: "up" })).toMatchObject({
        status: "ok",
        section: { id: second.id, position: 0 },
      });
      const after = await navigation();
      expect(after.map((section) => section.position)).toEqual(before.map((_, index) => index));
      expect(after.map((section) => section.id)).toEqual([
        second.id,
        before[0]!.id,
        ...before.slice(2).map((section) => section.id),
      ]);

      await moveSection({ id: second.id, direction: "down" });
      expect((await navigation()).map((section) => section.id)).toEqual(before.map((section) => section.id));
      const moves = await getDb()
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entityType, "category"),
            eq(auditLog.entityId, second.id),
            eq(auditLog.action, "category.moved"),
          ),
        );
      expect(moves.length).toBeGreaterThanOrEqual(2);
    });

    it("answers a move past either end with an invalid result", async () => {
      const order = await navigation();
      expect(await moveSection({ id: order[0]!.id, direction: "up" })).toMatchObject({
        status: "invalid",
        message: expect.stringContaining("already first"),
      });
      expect(await moveSection({ id: order.at(-1)!.id, direction: "down" })).toMatchObject({
        status: "invalid",
        message: expect.stringContaining("already last"),
      });
      expect((await navigation()).map((section) => section.id)).toEqual(order.map((section) => section.id));
    });
  });
});
