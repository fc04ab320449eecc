import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { saveArticleAction } from "@/app/admin/(newsroom)/articles/actions";
import type { EditorResult } from "@/lib/editor/article-form";
import { updatePhotoTextAction } from "@/app/admin/(newsroom)/photos/actions";
import { createSectionAction } from "@/app/admin/(newsroom)/sections/actions";
import { createStaffAction } from "@/app/admin/(newsroom)/staff/actions";
import { createTagAction, renameTagAction } from "@/app/admin/(newsroom)/tags/actions";
import { PUT } from "@/app/api/articles/[id]/route";
import type { Staff } from "@/lib/auth/roles";
import { closeDatabase, databaseDriver, migrateDatabase } from "../client";
import { getPublishedArticle } from "./articles";
import { getAuthorProfile } from "./authors";
import { getPhotoFile, uploadPhoto } from "./media";
import { createArticleDraft, getArticleForEditing } from "./newsroom-articles";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, searchArticles } from "./search";
import { getSection } from "./sections";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "./staff";
import { listStaffAccounts } from "./staff-accounts";
import { findTagRedirect, getTag } from "./tags";
import { listSectionsForManagement, listTagsWithCounts } from "./taxonomy";

import { signInAs } from "@/test/staff-session";
vi.mock("@/lib/auth", () => import("@/test/staff-session"));

const PASSWORD = "correct horse battery staple";
const staff: { admin?: Staff; editor?: Staff } = {};
let sectionId = "";

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function draft(headline: string, bodyMdx = "The first paragraph, as filed.") {
  const created = await createArticleDraft({ headline, dek: "A standfirst.", sectionId, tags: [], bodyMdx });
  if (created.status !== "saved") throw new Error(`"${headline}" was not saved`);
  return created;
}

/** The editor's Save button: every field the form sends, over the story as it was loaded. */
async function saveInEditor(
  article: { id: string; version: number },
  fields: Record<string, string>,
): Promise<EditorResult> {
  const current = await getArticleForEditing({ id: article.id });
  return saveArticleAction(
    { status: "idle" },
    formData({
      id: article.id,
      expectedVersion: String(article.version),
      headline: current!.headline,
      dek: current!.dek,
      sectionId,
      tags: current!.tags.join(", "),
      bodyMdx: current!.bodyMdx,
      intent: "save",
      ...fields,
    }),
  );
}

function putArticle(id: string, body: string | object): Promise<Response> {
  return PUT(
    new Request(`http://localhost/api/articles/${id}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );
}

describe(`staff text and its limits on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    staff.admin = await createFirstAdministrator({
      name: "Ada Admin",
      email: "ada@limits.example",
      password: PASSWORD,
    });
    staff.editor = await provisionStaffAccountFromCommandLine({
      name: "Eve Editor",
      email: "eve@limits.example",
      role: "editor",
      password: PASSWORD,
    });
    signInAs(staff.editor);
    const created = await createSectionAction({ status: "idle" }, formData({ name: "Limits Desk", description: "" }));
    expect(created.status).toBe("ok");
    sectionId = (await getSection({ slug: "limits-desk" }))!.id;
  });

  beforeEach(() => signInAs(staff.editor));
  afterAll(() => closeDatabase());

  describe("invisible control characters", () => {
    it("saves a story with them pasted into every field, without them, and search then marks only the searched word", async () => {
      const article = await draft("Placeholder headline");
      const state = await saveInEditor(article, {
        headline: "Ceasefire\u0000 talks resume in Doha",
        dek: "Envoys\u0002 meet\u0003 again.",
        tags: "Hostages\u0000, \u0001Diplomacy",
        seoTitle: "Ceasefire\u001f talks",
        seoDescription: "Envoys\u007f meet again.",
        bodyMdx:
          "Negotiators met\u0000 on Monday.\n\n\u0002Prisoner\u0003 releases were discussed.\tBoth sides attended.",
        intent: "publish",
      });
      expect(state).toMatchObject({ status: "ok", message: "Published." });

      const saved = await getArticleForEditing({ id: article.id });
      expect(saved).toMatchObject({
        headline: "Ceasefire talks resume in Doha",
        dek: "Envoys meet again.",
        seoTitle: "Ceasefire talks",
        seoDescription: "Envoys meet again.",
        bodyMdx: "Negotiators met on Monday.\n\nPrisoner releases were discussed.\tBoth sides attended.",
      });
      expect([...saved!.tags].sort()).toEqual(["Diplomacy", "Hostages"]);

      const { results } = await searchArticles({ query: "negotiators", page: 1 });
      const snippet = results.find((result) => result.id === article.id)?.snippet ?? "";
      expect(snippet).toContain("Prisoner releases");
      const marked = snippet
        .split(HIGHLIGHT_START)
        .slice(1)
        .map((part) => part.split(HIGHLIGHT_STOP)[0]);
      expect(marked).toEqual(["Negotiators"]);
    });

    it("saves them through PUT /api/articles/{id} the same way", async () => {
      const article = await draft("An API story");
      const response = await putArticle(article.id, {
        expectedVersion: article.version,
        headline: "Talks\u0000 resume",
        dek: "\u0000",
        sectionId,
        tags: ["Gaza\u0000"],
        bodyMdx: "One\u0000 paragraph.\n\nAnother\u0003.",
      });
      expect(response.status).toBe(200);
      expect(await getArticleForEditing({ id: article.id })).toMatchObject({
        headline: "Talks resume",
        dek: "",
        tags: ["Gaza"],
        bodyMdx: "One paragraph.\n\nAnother.",
      });
    });

    it("keeps them out of section, tag, staff and photo text", async () => {
      expect(
        await createSectionAction(
          { status: "idle" },
          formData({ name: "Middle\u0000 East", description: "Line one\u0000.\nLine two." }),
        ),
      ).toMatchObject({ status: "ok" });
      expect((await listSectionsForManagement()).find((section) => section.slug === "middle-east")).toMatchObject({
        name: "Middle East",
        description: "Line one.\nLine two.",
      });

      expect(await createTagAction({ status: "idle" }, formData({ name: "West\u0000 Bank" }))).toMatchObject({
        status: "ok",
      });
      expect((await listTagsWithCounts()).find((tag) => tag.slug === "west-bank")).toMatchObject({ name: "West Bank" });

      signInAs(staff.admin);
      const account = formData({
        name: "Nadia\u0000 Haddad",
        email: "nadia@limits.example",
        role: "writer",
        password: "a long and unusual passphrase 42",
      });
      expect(await createStaffAction({ status: "idle" }, account)).toMatchObject({ status: "ok" });
      expect((await listStaffAccounts()).find((person) => person.email === "nadia@limits.example")).toMatchObject({
        name: "Nadia Haddad",
      });

      const png = new Uint8Array(
        await sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 9, g: 99, b: 199 } } })
          .png()
          .toBuffer(),
      );
      const upload = await uploadPhoto({ bytes: png, originalName: "doha\u0000.png" });
      if (upload.status !== "ok") throw new Error(upload.message);
      const described = await updatePhotoTextAction(
        { status: "idle" },
        formData({
          id: upload.photo.id,
          altText: "Envoys\u0000 at a table",
          caption: "Talks\u0002 in Doha\u0003.",
          credit: "",
        }),
      );
      expect(described).toMatchObject({ status: "ok" });
    });
  });

  describe("limits", () => {
    it("refuses an over-long headline with the limit named, and the saved draft keeps its text", async () => {
      const article = await draft("A headline that fits");
      const state = await saveInEditor(article, { headline: "H".repeat(201), bodyMdx: "A rewritten first paragraph." });
      expect(state).toMatchObject({
        status: "invalid",
        fieldErrors: { headline: ["A headline is limited to 200 characters."] },
      });
      expect(await getArticleForEditing({ id: article.id })).toMatchObject({
        version: article.version,
        headline: "A headline that fits",
        bodyMdx: "The first paragraph, as filed.",
      });
    });

    it("refuses a story over 200,000 characters in the form and in the API alike, keeping the saved draft", async () => {
      const article = await draft("A long read");
      const tooLong = "word ".repeat(40_001);
      expect(await saveInEditor(article, { bodyMdx: tooLong })).toMatchObject({
        fieldErrors: { bodyMdx: ["The story is limited to 200,000 characters."] },
      });
      const response = await putArticle(article.id, {
        expectedVersion: article.version,
        headline: "A long read",
        sectionId,
        bodyMdx: tooLong,
      });
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({
        fieldErrors: { bodyMdx: ["The story is limited to 200,000 characters."] },
      });
      expect(await getArticleForEditing({ id: article.id })).toMatchObject({
        version: article.version,
        bodyMdx: "The first paragraph, as filed.",
      });
    });

    it("refuses a request body larger than any story with 413, before reading all of it", async () => {
      const article = await draft("A flood");
      const response = await putArticle(article.id, `{"bodyMdx":"${"x".repeat(3 * 1024 * 1024)}"}`);
      expect(response.status).toBe(413);
      expect((await response.json()).detail).toMatch(/limited to 200,000 characters/);
    });

    it("refuses an over-long section or tag name and hands back what was typed", async () => {
      const longName = "S".repeat(81);
      const form = formData({ name: longName, description: "Kept.", showsAgeNotice: "on" });
      expect(await createSectionAction({ status: "idle" }, form)).toEqual({
        status: "invalid",
        message: "Keep the section name to 80 characters or fewer.",
        fieldErrors: { name: ["Keep the section name to 80 characters or fewer."] },
        values: { name: longName, description: "Kept.", showsAgeNotice: "on" },
      });
      const tag = await createTagAction({ status: "idle" }, formData({ name: "Ceasefire" }));
      if (tag.status !== "ok") throw new Error("the tag was not created");
      const id = (await listTagsWithCounts()).find((candidate) => candidate.slug === "ceasefire")!.id;
      expect(await renameTagAction({ status: "idle" }, formData({ id, name: "T".repeat(61) }))).toEqual({
        status: "invalid",
        message: "Keep the tag name to 60 characters or fewer.",
        fieldErrors: { name: ["Keep the tag name to 60 characters or fewer."] },
        values: { name: "T".repeat(61) },
      });
    });

    it("refuses an over-long staff name or photo caption with the field's limit", async () => {
      signInAs(staff.admin);
      const account = formData({
        name: "N".repeat(121),
        email: "long@limits.example",
        role: "writer",
        password: "a long and unusual passphrase 42",
      });
      expect(await createStaffAction({ status: "idle" }, account)).toMatchObject({
        fieldErrors: { name: ["Keep the name to 120 characters or fewer."] },
        values: { name: "N".repeat(121), email: "long@limits.example", role: "writer" },
      });

      const png = new Uint8Array(
        await sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 10, b: 10 } } })
          .png()
          .toBuffer(),
      );
      const upload = await uploadPhoto({ bytes: png, originalName: "long.png" });
      if (upload.status !== "ok") throw new Error(upload.message);
      const state = await updatePhotoTextAction(
        { status: "idle" },
        formData({ id: upload.photo.id, altText: "Fine", caption: "c".repeat(1001), credit: "" }),
      );
      expect(state).toMatchObject({
        status: "invalid",
        fieldErrors: { caption: ["The caption is limited to 1000 characters."] },
      });
      expect(await getPhotoFile({ id: upload.photo.id })).not.toBeNull();
    });
  });

  describe("reader addresses", () => {
    it.each(["\u0000", "limits-desk\u0000", "\u0002", "Limits-Desk", "limits desk", "%00"])(
      "answers %j with nothing found rather than a database error",
      async (segment) => {
        signInAs(null);
        expect(await getSection({ slug: segment })).toBeNull();
        expect(await getTag({ slug: segment })).toBeNull();
        expect(await findTagRedirect({ slug: segment })).toBeNull();
        expect(await getAuthorProfile({ slug: segment })).toBeNull();
        expect(await getPublishedArticle({ slug: segment })).toBeNull();
      },
    );

    it("still finds what a real slug names", async () => {
      expect(await getSection({ slug: "limits-desk" })).toMatchObject({ name: "Limits Desk" });
      expect(await getAuthorProfile({ slug: "eve-editor" })).toMatchObject({ name: "Eve Editor" });
    });
  });
});
