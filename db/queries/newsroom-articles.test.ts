import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadNewsroomContent } from "@/lib/content/load";
import type { Staff } from "@/lib/auth/roles";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { tagRedirects, tags, users } from "../schema";
import { seedNewsroom } from "../seed";
import { getPublishedArticle } from "./articles";
import { updatePhotoText, uploadPhoto } from "./media";
import {
  createArticleDraft,
  getArticleForEditing,
  listArticleRevisions,
  listTrashedArticles,
  moveArticleToTrash,
  restoreArticleFromTrash,
  listNewsroomArticles,
  publishArticle,
  restoreArticleRevision,
  saveArticle,
  unpublishArticle,
  type ArticleInput,
} from "./newsroom-articles";
import { getSection } from "./sections";
import {
  createFirstAdministrator,
  provisionStaffAccountFromCommandLine,
  SetupAlreadyDoneError,
  StaffAccountExistsError,
  verifyStaffCredentials,
} from "./staff";

import { authorizationOutcome } from "@/test/authorization-outcome";
import { signInAs } from "@/test/staff-session";
vi.mock("@/lib/auth", () => import("@/test/staff-session"));

type Actor = "anonymous" | "writer" | "otherWriter" | "editor" | "admin" | "disabled";
const staff: Partial<Record<Actor, Staff>> = {};
const PASSWORD = "correct horse battery staple";

function actAs(actor: Actor) {
  signInAs(staff[actor]);
}

let sectionId = "";
const draftInput = (headline: string): ArticleInput => ({
  headline,
  dek: "A standfirst.",
  sectionId,
  tags: ["Matrix test"],
  bodyMdx: "First paragraph of the draft.",
});

describe(`the newsroom's data access on ${databaseDriver()}`, () => {
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
      ["otherWriter", "writer"],
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

  describe("accounts", () => {
    it("creates the first administrator only once", async () => {
      await expect(
        createFirstAdministrator({ name: "Mallory", email: "mallory@example.com", password: PASSWORD }),
      ).rejects.toThrow(SetupAlreadyDoneError);
    });

    it("refuses a second account with the same email in any letter case", async () => {
      await expect(
        provisionStaffAccountFromCommandLine({
          name: "Dup",
          email: "EDITOR@newsroom.example",
          role: "writer",
          password: PASSWORD,
        }),
      ).rejects.toThrow(StaffAccountExistsError);
    });

    it("signs in with the right password only, and never a disabled account", async () => {
      await expect(
        verifyStaffCredentials({ email: "Editor@Newsroom.example", password: PASSWORD }),
      ).resolves.toMatchObject({ role: "editor" });
      await expect(
        verifyStaffCredentials({ email: "editor@newsroom.example", password: "wrong password" }),
      ).resolves.toBeNull();
      await expect(
        verifyStaffCredentials({ email: "nobody@newsroom.example", password: PASSWORD }),
      ).resolves.toBeNull();
      await expect(
        verifyStaffCredentials({ email: "disabled@newsroom.example", password: PASSWORD }),
      ).resolves.toBeNull();
    });

    it("gives a seeded byline a sign-in without taking its stories away", async () => {
      const tobias = await provisionStaffAccountFromCommandLine({
        name: "Tobias Renn",
        email: "tobias.renn@newsroom.example",
        role: "writer",
        password: PASSWORD,
      });
      const [row] = await getDb().select({ slug: users.slug }).from(users).where(eq(users.id, tobias.id));
      expect(row?.slug).toBe("tobias-renn");
    });
  });

  describe("the authorization matrix", () => {
    const everyone: Actor[] = ["anonymous", "disabled", "writer", "otherWriter", "editor", "admin"];

    async function matrix(run: () => Promise<unknown>) {
      const results: Partial<Record<Actor, string>> = {};
      for (const actor of everyone) {
        actAs(actor);
        results[actor] = await authorizationOutcome(run);
      }
      return results;
    }

    it("lets any active staff member start a draft, and nobody else", async () => {
      expect(await matrix(() => createArticleDraft(draftInput("Matrix draft")))).toEqual({
        anonymous: "refused",
        disabled: "refused",
        writer: "allowed",
        otherWriter: "allowed",
        editor: "allowed",
        admin: "allowed",
      });
    });

    it("lets a writer open and save their own draft, and editors anyone's", async () => {
      actAs("writer");
      const draft = await createArticleDraft(draftInput("Writer's own draft"));
      if (draft.status !== "saved") throw new Error("draft not saved");
      expect(await matrix(() => getArticleForEditing({ id: draft.id }))).toEqual({
        anonymous: "refused",
        disabled: "refused",
        writer: "allowed",
        otherWriter: "refused",
        editor: "allowed",
        admin: "allowed",
      });
      let version = draft.version;
      expect(
        await matrix(async () => {
          const result = await saveArticle({
            id: draft.id,
            expectedVersion: version,
            ...draftInput("Writer's own draft, edited"),
          });
          if (result.status === "saved") version = result.version;
        }),
      ).toEqual({
        anonymous: "refused",
        disabled: "refused",
        writer: "allowed",
        otherWriter: "refused",
        editor: "allowed",
        admin: "allowed",
      });
    });

    it("lets only editors and admins publish and unpublish", async () => {
      actAs("writer");
      const draft = await createArticleDraft(draftInput("Publishing matrix"));
      if (draft.status !== "saved") throw new Error("draft not saved");
      expect(await matrix(() => publishArticle({ id: draft.id }))).toEqual({
        anonymous: "refused",
        disabled: "refused",
        writer: "refused",
        otherWriter: "refused",
        editor: "allowed",
        admin: "allowed",
      });
      expect(await matrix(() => unpublishArticle({ id: draft.id }))).toEqual({
        anonymous: "refused",
        disabled: "refused",
        writer: "refused",
        otherWriter: "refused",
        editor: "allowed",
        admin: "allowed",
      });
    });

    it("stops a writer editing their story once it is published", async () => {
      actAs("writer");
      const draft = await createArticleDraft(draftInput("Published then locked"));
      if (draft.status !== "saved") throw new Error("draft not saved");
      actAs("editor");
      await publishArticle({ id: draft.id });
      actAs("writer");
      await expect(getArticleForEditing({ id: draft.id })).rejects.toThrow(/only be changed by an editor/);
    });

    it("refuses a session signed before the password changed", async () => {
      await getDb().update(users).set({ sessionVersion: 2 }).where(eq(users.id, staff.otherWriter!.id));
      actAs("otherWriter");
      await expect(listNewsroomArticles({ page: 1 })).rejects.toThrow(NotAuthorizedError);
      await getDb().update(users).set({ sessionVersion: 1 }).where(eq(users.id, staff.otherWriter!.id));
    });

    it("shows writers their own drafts but not other writers' drafts", async () => {
      actAs("otherWriter");
      await createArticleDraft(draftInput("Other writer's secret draft"));
      actAs("writer");
      const seenByWriter = await listNewsroomArticles({ page: 1, status: "draft", text: "secret draft" });
      expect(seenByWriter.articles).toEqual([]);
      actAs("editor");
      const seenByEditor = await listNewsroomArticles({ page: 1, status: "draft", text: "secret draft" });
      expect(seenByEditor.articles.map((a) => a.headline)).toEqual(["Other writer's secret draft"]);
    });
  });

  describe("saving", () => {
    it("rejects unsafe MDX with its line and column and writes nothing", async () => {
      actAs("writer");
      const result = await createArticleDraft({
        ...draftInput("Unsafe"),
        bodyMdx: "Fine.\n\n<script>alert(1)</script>",
      });
      expect(result).toMatchObject({ status: "invalid", issues: [{ line: 3, column: 1 }] });
    });

    it("gives the second of two stale saves a conflict with the current text, and loses neither", async () => {
      actAs("editor");
      const draft = await createArticleDraft(draftInput("Two editors"));
      if (draft.status !== "saved") throw new Error("draft not saved");
      const first = await saveArticle({
        id: draft.id,
        expectedVersion: draft.version,
        ...draftInput("Two editors"),
        bodyMdx: "Alice's words.",
      });
      expect(first).toMatchObject({ status: "saved", version: draft.version + 1 });
      const second = await saveArticle({
        id: draft.id,
        expectedVersion: draft.version,
        ...draftInput("Two editors"),
        bodyMdx: "Bob's words.",
      });
      expect(second).toMatchObject({
        status: "conflict",
        current: { bodyMdx: "Alice's words.", version: draft.version + 1 },
      });
      const stored = await getArticleForEditing({ id: draft.id });
      expect(stored?.bodyMdx).toBe("Alice's words.");
    });

    it("keeps every save as a revision and restores an earlier one as a new save", async () => {
      actAs("editor");
      const draft = await createArticleDraft({ ...draftInput("Revisions"), bodyMdx: "Version one." });
      if (draft.status !== "saved") throw new Error("draft not saved");
      const second = await saveArticle({
        id: draft.id,
        expectedVersion: draft.version,
        ...draftInput("Revisions"),
        bodyMdx: "Version two.",
      });
      if (second.status !== "saved") throw new Error("second save failed");
      const revisions = await listArticleRevisions({ id: draft.id });
      expect(revisions.map((r) => r.version)).toEqual([2, 1]);
      const restored = await restoreArticleRevision({
        id: draft.id,
        revisionId: revisions[1]!.id,
        expectedVersion: second.version,
      });
      expect(restored).toMatchObject({ status: "saved", version: 3 });
      expect((await getArticleForEditing({ id: draft.id }))?.bodyMdx).toBe("Version one.");
      expect((await listArticleRevisions({ id: draft.id })).map((r) => r.version)).toEqual([3, 2, 1]);
    });

    it("keeps the slug once a story has been published", async () => {
      actAs("editor");
      const draft = await createArticleDraft(draftInput("Original headline"));
      if (draft.status !== "saved") throw new Error("draft not saved");
      await publishArticle({ id: draft.id });
      const current = await getArticleForEditing({ id: draft.id });
      const saved = await saveArticle({
        id: draft.id,
        expectedVersion: current!.version,
        ...draftInput("A new headline"),
        slug: "a-new-headline",
      });
      expect(saved).toMatchObject({ status: "saved", slug: "original-headline" });
    });

    it("publishes a story to readers and takes it away again", async () => {
      actAs("editor");
      const draft = await createArticleDraft(draftInput("Reader visibility"));
      if (draft.status !== "saved") throw new Error("draft not saved");
      expect(await getPublishedArticle({ slug: draft.slug })).toBeNull();
      await publishArticle({ id: draft.id });
      expect(await getPublishedArticle({ slug: draft.slug })).toMatchObject({ headline: "Reader visibility" });
      await unpublishArticle({ id: draft.id });
      expect(await getPublishedArticle({ slug: draft.slug })).toBeNull();
    });

    it("holds a scheduled story back from readers until its time", async () => {
      actAs("editor");
      const draft = await createArticleDraft(draftInput("Scheduled story"));
      if (draft.status !== "saved") throw new Error("draft not saved");
      await publishArticle({ id: draft.id, publishAt: new Date(Date.now() + 60 * 60 * 1000) });
      expect(await getPublishedArticle({ slug: draft.slug })).toBeNull();
      expect((await getArticleForEditing({ id: draft.id }))?.status).toBe("scheduled");
    });
  });

  describe("the trash", () => {
    it("takes a story away from readers and the newsroom list, and only an admin brings it back, as a draft", async () => {
      actAs("writer");
      const draft = await createArticleDraft(draftInput("Binned story"));
      if (draft.status !== "saved") throw new Error("draft not saved");
      actAs("editor");
      await publishArticle({ id: draft.id });
      expect(await getPublishedArticle({ slug: draft.slug })).not.toBeNull();

      actAs("otherWriter");
      await expect(moveArticleToTrash({ id: draft.id })).rejects.toThrow(NotAuthorizedError);
      actAs("editor");
      await moveArticleToTrash({ id: draft.id });
      expect(await getPublishedArticle({ slug: draft.slug })).toBeNull();
      expect((await listNewsroomArticles({ page: 1, text: "Binned story" })).articles).toEqual([]);

      for (const actor of ["anonymous", "writer", "editor"] as const) {
        actAs(actor);
        await expect(listTrashedArticles()).rejects.toThrow(NotAuthorizedError);
        await expect(restoreArticleFromTrash({ id: draft.id })).rejects.toThrow(NotAuthorizedError);
      }
      actAs("admin");
      expect((await listTrashedArticles()).map((a) => a.headline)).toContain("Binned story");
      await restoreArticleFromTrash({ id: draft.id });
      expect((await getArticleForEditing({ id: draft.id }))?.status).toBe("draft");
      expect(await getPublishedArticle({ slug: draft.slug })).toBeNull();
    });
  });

  describe("tags typed in the editor", () => {
    it("attach a renamed tag by its old name instead of creating a new one", async () => {
      actAs("editor");
      const draft = await createArticleDraft({ ...draftInput("Tagged by an old name"), tags: ["Old Tag Name"] });
      if (draft.status !== "saved") throw new Error("draft not saved");
      const [tag] = await getDb().select().from(tags).where(eq(tags.slug, "old-tag-name"));
      await getDb().update(tags).set({ slug: "new-tag-name", name: "New Tag Name" }).where(eq(tags.id, tag!.id));
      await getDb().insert(tagRedirects).values({ oldSlug: "old-tag-name", tagId: tag!.id });

      const again = await createArticleDraft({ ...draftInput("Tagged again by the old name"), tags: ["Old Tag Name"] });
      if (again.status !== "saved") throw new Error("draft not saved");
      expect((await getArticleForEditing({ id: again.id }))?.tags).toEqual(["New Tag Name"]);
      expect(await getDb().select().from(tags).where(eq(tags.slug, "old-tag-name"))).toEqual([]);
    });
  });

  describe("photos in a story", () => {
    it("hold publication back until every photo has alt text and a caption", async () => {
      actAs("writer");
      const upload = await uploadPhoto({
        bytes: new Uint8Array(fs.readFileSync("test/fixtures/photos/plain.png")),
        originalName: "harbour.png",
      });
      if (upload.status !== "ok") throw new Error(upload.message);
      const draft = await createArticleDraft({
        ...draftInput("Story with a bare photo"),
        heroMediaId: upload.photo.id,
      });
      if (draft.status !== "saved") throw new Error("draft not saved");

      actAs("editor");
      const refused = await publishArticle({ id: draft.id });
      expect(refused).toMatchObject({ status: "invalid", message: expect.stringMatching(/alt text/i) });
      expect(await getPublishedArticle({ slug: draft.slug })).toBeNull();

      await updatePhotoText({
        id: upload.photo.id,
        altText: "Boats in the harbour at dusk",
        caption: "The harbour at dusk.",
        credit: "",
      });
      await expect(publishArticle({ id: draft.id })).resolves.toMatchObject({ status: "published" });
      const published = await getPublishedArticle({ slug: draft.slug });
      expect(published?.leadPhoto).toMatchObject({
        photoId: upload.photo.id,
        alt: "Boats in the harbour at dusk",
        width: 64,
        height: 48,
      });
    });
  });
});
