import { readFileSync } from "node:fs";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { gps } from "exifr";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Staff } from "@/lib/auth/roles";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { auditLog, sections, media, mediaVariants, users } from "../schema";
import {
  findPhotosMissingText,
  getPhotoFile,
  listPhotos,
  listPhotosForStory,
  PHOTO_LIBRARY_PAGE_SIZE,
  setPhotoGraphicWarning,
  updatePhotoText,
  uploadPhoto,
  type PhotoSummary,
} from "./media";
import { getPublishedArticle } from "./articles";
import { listFeedArticles } from "./feeds";
import { createArticleDraft, moveArticleToTrash, publishArticle } from "./newsroom-articles";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "./staff";

import { authorizationOutcome } from "@/test/authorization-outcome";
import { signInAs } from "@/test/staff-session";
vi.mock("@/lib/auth", () => import("@/test/staff-session"));

type Actor = "anonymous" | "writer" | "editor" | "admin" | "disabled";
const everyone: Actor[] = ["anonymous", "disabled", "writer", "editor", "admin"];
const staff: Partial<Record<Actor, Staff>> = {};
const PASSWORD = "correct horse battery staple";

function actAs(actor: Actor) {
  signInAs(staff[actor]);
}

async function matrix(run: () => Promise<unknown>) {
  const results: Partial<Record<Actor, string>> = {};
  for (const actor of everyone) {
    actAs(actor);
    results[actor] = await authorizationOutcome(run);
  }
  return results;
}

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(import.meta.dirname, "../../test/fixtures/photos", name)));

let shade = 0;
/** A small PNG no other test has uploaded, so each test owns its photo's text. */
async function freshPhotoBytes(): Promise<Uint8Array> {
  shade += 1;
  const background = { r: shade % 256, g: Math.floor(shade / 256) % 256, b: 120 };
  return new Uint8Array(
    await sharp({ create: { width: 40, height: 30, channels: 3, background } })
      .png()
      .toBuffer(),
  );
}

async function uploaded(bytes: Uint8Array, originalName = "photo.png"): Promise<PhotoSummary> {
  const result = await uploadPhoto({ bytes, originalName });
  if (result.status !== "ok") throw new Error(`upload refused: ${result.message}`);
  return result.photo;
}

async function variantRows(mediaId: string): Promise<number> {
  const [row] = await getDb().select({ total: count() }).from(mediaVariants).where(eq(mediaVariants.mediaId, mediaId));
  return row?.total ?? 0;
}

describe(`the photo library on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
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

  describe("uploading", () => {
    it("reads the camera, capture time and size, and serves the photo without its GPS", async () => {
      actAs("writer");
      const photo = await uploaded(fixture("camera-and-gps.jpg"), "IMG_0042.jpg");
      expect(photo).toMatchObject({
        mimeType: "image/jpeg",
        width: 600,
        height: 800,
        camera: "Canon EOS 5D Mark IV",
        capturedAt: new Date("2024-03-15T13:22:05Z"),
        originalName: "IMG_0042.jpg",
        altText: "",
        caption: "",
        readyForPublication: false,
      });
      const file = await getPhotoFile({ id: photo.id });
      expect(file?.mimeType).toBe("image/jpeg");
      expect(file?.bytes.byteLength).toBe(photo.byteSize);
      expect(await gps(file!.bytes)).toBeUndefined();
      const [audit] = await getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "media.uploaded"), eq(auditLog.entityId, photo.id)));
      expect(audit).toMatchObject({ entityType: "media", actorId: staff.writer!.id });
    });

    it("gives back the photo already in the library when the same file comes again", async () => {
      actAs("writer");
      const first = await uploadPhoto({ bytes: fixture("camera-and-gps.jpg"), originalName: "first.jpg" });
      actAs("editor");
      const second = await uploadPhoto({ bytes: fixture("camera-and-gps.jpg"), originalName: "second.jpg" });
      expect(second).toMatchObject({ status: "ok", alreadyInLibrary: true });
      if (first.status !== "ok" || second.status !== "ok") throw new Error("upload refused");
      expect(second.photo.id).toBe(first.photo.id);
      const [row] = await getDb()
        .select({ total: count() })
        .from(media)
        .where(eq(media.camera, "Canon EOS 5D Mark IV"));
      expect(row?.total).toBe(1);
    });

    it("refuses a text file named .jpg and a GIF, saying why", async () => {
      actAs("writer");
      expect(await uploadPhoto({ bytes: fixture("not-a-photo.jpg"), originalName: "not-a-photo.jpg" })).toEqual({
        status: "rejected",
        message: "This file is text, not a photo; upload a JPEG, PNG or WebP photo.",
      });
      expect(await uploadPhoto({ bytes: fixture("animation.gif"), originalName: "animation.gif" })).toEqual({
        status: "rejected",
        message: "This file is a GIF; upload a JPEG, PNG or WebP photo.",
      });
    });

    it("keeps only the file's own name from a path the browser sent", async () => {
      actAs("writer");
      const photo = await uploaded(await freshPhotoBytes(), "C:\\Users\\desk\\Pictures\\harbour\u0007.png");
      expect(photo.originalName).toBe("harbour.png");
    });

    it("lets any active staff member upload, and nobody else", async () => {
      const bytes = await freshPhotoBytes();
      expect(await matrix(() => uploadPhoto({ bytes, originalName: "matrix.png" }))).toEqual({
        anonymous: "refused",
        disabled: "refused",
        writer: "allowed",
        editor: "allowed",
        admin: "allowed",
      });
    });
  });

  describe("serving", () => {
    it("makes a published width once, keeps it, and never enlarges the photo", async () => {
      actAs("writer");
      const photo = await uploaded(fixture("camera-and-gps.jpg"));
      await getDb().delete(mediaVariants).where(eq(mediaVariants.mediaId, photo.id));

      const first = await getPhotoFile({ id: photo.id, width: 640 });
      expect(first?.mimeType).toBe("image/webp");
      expect(await sharp(first!.bytes).metadata()).toMatchObject({ format: "webp", width: 600, height: 800 });
      expect(await variantRows(photo.id)).toBe(1);

      // Proof the second answer comes from media_variants: change the stored bytes and see them served.
      await getDb()
        .update(mediaVariants)
        .set({ data: new Uint8Array([1, 2, 3]) })
        .where(eq(mediaVariants.mediaId, photo.id));
      const second = await getPhotoFile({ id: photo.id, width: 640 });
      // postgres.js hands bytea back as a Buffer, PGlite as a plain Uint8Array.
      expect([...second!.bytes]).toEqual([1, 2, 3]);
      expect(second?.etag).toBe(first?.etag);
      // Every width above the photo's own 600 pixels is the same file.
      expect([...(await getPhotoFile({ id: photo.id, width: 1920 }))!.bytes]).toEqual([1, 2, 3]);
      expect(await variantRows(photo.id)).toBe(1);
    });

    it("makes a narrower width at that width", async () => {
      actAs("writer");
      const photo = await uploaded(fixture("camera-and-gps.jpg"));
      const file = await getPhotoFile({ id: photo.id, width: 320 });
      expect(await sharp(file!.bytes).metadata()).toMatchObject({ width: 320, height: 427 });
      expect(file?.etag).not.toBe((await getPhotoFile({ id: photo.id }))?.etag);
    });

    it("serves nothing for widths it does not publish, unknown ids and photos that have no file", async () => {
      actAs("writer");
      const photo = await uploaded(fixture("camera-and-gps.jpg"));
      const [described] = await getDb()
        .insert(media)
        .values({ altText: "Delegates", caption: "Delegates arrive" })
        .returning({ id: media.id });
      expect(await getPhotoFile({ id: photo.id, width: 500 })).toBeNull();
      expect(await getPhotoFile({ id: "not-a-uuid" })).toBeNull();
      expect(await getPhotoFile({ id: "6f1c3b0e-8d1a-4c55-9a41-2a7d8e0f9b13" })).toBeNull();
      expect(await getPhotoFile({ id: described!.id })).toBeNull();
      expect(await getPhotoFile({ id: described!.id, width: 320 })).toBeNull();
    });
  });

  describe("who may see a photo", () => {
    let sectionId = "";

    beforeAll(async () => {
      const [section] = await getDb()
        .insert(sections)
        .values({ slug: "photo-audience", name: "Photo audience" })
        .returning({ id: sections.id });
      sectionId = section!.id;
    });

    /** Saved through the newsroom, which records the photos the story shows. */
    async function draftShowing(bodyMdx: string): Promise<string> {
      actAs("writer");
      const draft = await createArticleDraft({
        headline: "A story showing the photo",
        dek: "",
        sectionId,
        tags: [],
        bodyMdx,
      });
      if (draft.status !== "saved") throw new Error("the draft was not saved");
      return draft.id;
    }

    async function published(id: string) {
      actAs("editor");
      const result = await publishArticle({ id });
      if (result.status === "invalid") throw new Error(result.message);
    }

    it("keeps a photo that only a draft's body shows from readers, and serves it once the story is published", async () => {
      actAs("writer");
      const photo = await uploaded(fixture("plain.png"));
      await updatePhotoText({ id: photo.id, altText: "a", caption: "c", credit: "" });
      expect(await getPhotoFile({ id: photo.id })).toMatchObject({ audience: "staff" });
      actAs("anonymous");
      expect(await getPhotoFile({ id: photo.id })).toBeNull();

      const article = await draftShowing(`<Figure photo="${photo.id}" caption="c" alt="a" />`);
      actAs("anonymous");
      expect(await getPhotoFile({ id: photo.id })).toBeNull();
      expect(await getPhotoFile({ id: photo.id, width: 320 })).toBeNull();

      await published(article);
      actAs("anonymous");
      expect(await getPhotoFile({ id: photo.id })).toMatchObject({ audience: "public" });
      expect(await getPhotoFile({ id: photo.id, width: 320 })).toMatchObject({ audience: "public" });
    });

    it("does not take a photo's id written as text in a published story for the photo being shown", async () => {
      actAs("writer");
      const photo = await uploaded(await freshPhotoBytes());
      await published(await draftShowing(`The file was named \`photo="${photo.id}"\` in the draft.`));
      actAs("anonymous");
      expect(await getPhotoFile({ id: photo.id })).toBeNull();
    });
  });

  describe("the library", () => {
    it("lists newest first without the bytes, and only photos that have a file", async () => {
      actAs("writer");
      const older = await uploaded(await freshPhotoBytes());
      const newer = await uploaded(await freshPhotoBytes());
      await getDb().insert(media).values({ altText: "Described only", caption: "Described only" });
      const { photos } = await listPhotos({ page: 1 });
      expect(photos.map((photo) => photo.id).indexOf(newer.id)).toBeLessThan(
        photos.map((photo) => photo.id).indexOf(older.id),
      );
      expect(photos.some((photo) => photo.caption === "Described only")).toBe(false);
      expect(photos[0]).not.toHaveProperty("data");
    });

    const foundIds = async (query: string) => (await listPhotos({ query, page: 1 })).photos.map((found) => found.id);

    it("finds a photo by its caption, alt text, camera or file name, in any case", async () => {
      actAs("writer");
      const photo = await uploaded(await freshPhotoBytes(), "Harbour-At-Dawn.png");
      await updatePhotoText({
        id: photo.id,
        altText: "Fishing boats moored",
        caption: "Gulls over the quay",
        credit: "",
      });
      const fromCamera = await uploaded(fixture("camera-and-gps.jpg"));
      expect(fromCamera.camera).toBe("Canon EOS 5D Mark IV");

      for (const query of ["gulls OVER", "fishing boats", "harbour-at-dawn", "  HARBOUR  "]) {
        expect(await foundIds(query), query).toContain(photo.id);
      }
      expect(await foundIds("canon eos 5d")).toContain(fromCamera.id);
      expect(await foundIds("canon eos 5d")).not.toContain(photo.id);
      expect(await foundIds("a search nothing matches")).toEqual([]);
    });

    it("takes % and _ in a search as the characters themselves", async () => {
      actAs("writer");
      const photo = await uploaded(await freshPhotoBytes(), "harbour_at_dawn.png");
      await updatePhotoText({
        id: photo.id,
        altText: "Fishing boats moored",
        caption: "Dawn at 100% tide",
        credit: "",
      });
      expect(await foundIds("100% tide")).toContain(photo.id);
      expect(await foundIds("harbour_at")).toContain(photo.id);
      expect((await listPhotos({ query: "harbour%dawn", page: 1 })).total).toBe(0);
      expect((await listPhotos({ query: "boats_moored", page: 1 })).total).toBe(0);
      expect((await listPhotos({ query: "%", page: 1 })).photos.map((found) => found.id)).toContain(photo.id);
      expect((await listPhotos({ query: "_", page: 1 })).photos.map((found) => found.id)).toContain(photo.id);
    });

    it("gives the story editor a story's lead photo even when newer photos have pushed it off the first page", async () => {
      actAs("writer");
      const lead = await uploaded(await freshPhotoBytes(), "old-lead.png");
      for (let index = 0; index < PHOTO_LIBRARY_PAGE_SIZE; index += 1) await uploaded(await freshPhotoBytes());
      expect((await listPhotos({ page: 1 })).photos.map((photo) => photo.id)).not.toContain(lead.id);
      const forStory = await listPhotosForStory({ leadPhotoId: lead.id });
      expect(forStory.photos.filter((photo) => photo.id === lead.id)).toHaveLength(1);
      expect(forStory.photos.find((photo) => photo.id === lead.id)?.originalName).toBe("old-lead.png");
      expect((await listPhotosForStory({ leadPhotoId: null })).photos).toHaveLength(PHOTO_LIBRARY_PAGE_SIZE);
    });

    it("pages through the whole library newest first, never showing a photo twice or skipping one", async () => {
      actAs("editor");
      const batch: PhotoSummary[] = [];
      for (let index = 0; index < PHOTO_LIBRARY_PAGE_SIZE + 6; index += 1) {
        batch.push(await uploaded(await freshPhotoBytes(), `tide-table-${index}.png`));
      }
      const walk = async (query?: string) => {
        const first = await listPhotos({ query, page: 1 });
        const ids = first.photos.map((photo) => photo.id);
        for (let page = 2; page <= first.totalPages; page += 1) {
          ids.push(...(await listPhotos({ query, page })).photos.map((photo) => photo.id));
        }
        return { ids, total: first.total, totalPages: first.totalPages };
      };

      const searched = await walk("TIDE-TABLE-");
      expect(searched.totalPages).toBe(2);
      expect(searched.ids).toEqual(batch.map((photo) => photo.id).reverse());

      const everything = await walk();
      expect(everything.ids).toHaveLength(everything.total);
      expect(new Set(everything.ids).size).toBe(everything.total);
      expect(everything.ids.slice(0, batch.length)).toEqual(batch.map((photo) => photo.id).reverse());
    });

    it("lets staff list photos, and nobody else", async () => {
      expect(await matrix(() => listPhotos({ page: 1 }))).toEqual({
        anonymous: "refused",
        disabled: "refused",
        writer: "allowed",
        editor: "allowed",
        admin: "allowed",
      });
    });
  });

  describe("alt text and captions", () => {
    it("lets any active staff member write a photo's text, and nobody else", async () => {
      actAs("writer");
      const photo = await uploaded(await freshPhotoBytes());
      expect(
        await matrix(() =>
          updatePhotoText({ id: photo.id, altText: "A harbour", caption: "The harbour at dawn", credit: "Staff" }),
        ),
      ).toEqual({ anonymous: "refused", disabled: "refused", writer: "allowed", editor: "allowed", admin: "allowed" });
    });

    it("stores trimmed text, makes the photo ready once alt text and caption are both written, and audits it", async () => {
      actAs("editor");
      const photo = await uploaded(await freshPhotoBytes());
      expect(await updatePhotoText({ id: photo.id, altText: "  Boats  ", caption: "   ", credit: "" })).toMatchObject({
        altText: "Boats",
        caption: "",
        credit: null,
        readyForPublication: false,
      });
      expect(
        await updatePhotoText({ id: photo.id, altText: "Boats", caption: "Boats at dawn", credit: "A. Photographer" }),
      ).toMatchObject({
        caption: "Boats at dawn",
        credit: "A. Photographer",
        readyForPublication: true,
      });
      const audits = await getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "media.text-updated"), eq(auditLog.entityId, photo.id)));
      expect(audits).toHaveLength(2);
    });

    it("refuses text over the limits and answers null for a photo that is not there", async () => {
      actAs("editor");
      const photo = await uploaded(await freshPhotoBytes());
      await expect(
        updatePhotoText({ id: photo.id, altText: "a".repeat(301), caption: "Fine", credit: "" }),
      ).rejects.toThrow(/300 characters/);
      await expect(
        updatePhotoText({ id: photo.id, altText: "Fine", caption: "c".repeat(1001), credit: "" }),
      ).rejects.toThrow(/1000 characters/);
      await expect(
        updatePhotoText({ id: photo.id, altText: "Fine", caption: "Fine", credit: "c".repeat(201) }),
      ).rejects.toThrow(/200 characters/);
      expect(
        await updatePhotoText({ id: "6f1c3b0e-8d1a-4c55-9a41-2a7d8e0f9b13", altText: "A", caption: "B", credit: "" }),
      ).toBeNull();
    });
  });

  describe("the text of a photo readers see", () => {
    const editorsOnly = {
      anonymous: "refused",
      disabled: "refused",
      writer: "refused",
      editor: "allowed",
      admin: "allowed",
    };
    let sectionId = "";

    /** A library photo with its text written, so a story showing it may be published. */
    async function describedPhoto(): Promise<PhotoSummary> {
      actAs("writer");
      const photo = await uploaded(await freshPhotoBytes());
      await updatePhotoText({ id: photo.id, altText: "Delegates", caption: "Delegates arrive", credit: "" });
      return photo;
    }

    /** Filed through the newsroom as the writer, then published by an editor unless it stays a draft. */
    async function article(
      headline: string,
      photos: { lead?: PhotoSummary; inBody?: PhotoSummary },
      publication: "draft" | "now" | "scheduled",
    ) {
      actAs("writer");
      const figure = photos.inBody
        ? `\n\n<Figure photo="${photos.inBody.id}" caption="Delegates arrive" alt="Delegates" />`
        : "";
      const draft = await createArticleDraft({
        headline,
        dek: "",
        sectionId,
        tags: [],
        bodyMdx: `The talks began.${figure}`,
        heroMediaId: photos.lead?.id ?? null,
      });
      if (draft.status !== "saved") throw new Error(`"${headline}" was not saved`);
      if (publication !== "draft") {
        actAs("editor");
        const published = await publishArticle({
          id: draft.id,
          publishAt: publication === "scheduled" ? new Date(Date.now() + 86_400_000) : undefined,
        });
        if (published.status === "invalid") throw new Error(published.message);
      }
      return draft.id;
    }

    const rewrite = (photo: PhotoSummary) => () =>
      updatePhotoText({ id: photo.id, altText: "Delegates", caption: "A rewritten caption", credit: "Staff" });

    beforeAll(async () => {
      const [section] = await getDb()
        .insert(sections)
        .values({ slug: "photo-text", name: "Photo text" })
        .returning({ id: sections.id });
      sectionId = section!.id;
    });

    it("lets only editors change the text of a published story's lead photo", async () => {
      const lead = await describedPhoto();
      await article("Talks open with a lead photo", { lead }, "now");
      expect(await matrix(rewrite(lead))).toEqual(editorsOnly);
    });

    it("lets only editors change the text of a photo in a published story's body", async () => {
      const inBody = await describedPhoto();
      await article("Talks open with a photo below", { inBody }, "now");
      expect(await matrix(rewrite(inBody))).toEqual(editorsOnly);
    });

    it("lets only editors mark a photo graphic, and readers and feeds then get the warning, not the photo", async () => {
      const lead = await describedPhoto();
      const inBody = await describedPhoto();
      const id = await article("Shelling hits the port", { lead, inBody }, "now");
      const warning = "This image shows the bodies of soldiers";
      expect(await matrix(() => setPhotoGraphicWarning({ id: inBody.id, graphicWarning: warning }))).toEqual(
        editorsOnly,
      );
      actAs("editor");
      const marked = await setPhotoGraphicWarning({ id: lead.id, graphicWarning: warning });
      expect(marked).toMatchObject({ graphicWarning: warning, expired: expect.arrayContaining([`story:${id}`]) });

      const story = await getPublishedArticle({ slug: "shelling-hits-the-port" });
      expect(story?.leadPhoto).toMatchObject({ photoId: lead.id, graphicWarning: warning });
      expect(story?.graphicPhotos).toEqual({ [lead.id]: warning, [inBody.id]: warning });
      const [inFeed] = (await listFeedArticles({ scope: { kind: "site" } })).filter((item) => item.id === id);
      expect(inFeed?.graphicPhotos).toEqual({ [lead.id]: warning, [inBody.id]: warning });
      const audited = await getDb()
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityId, lead.id));
      expect(audited.map((row) => row.action)).toContain("media.marked-graphic");

      await setPhotoGraphicWarning({ id: lead.id, graphicWarning: null });
      await setPhotoGraphicWarning({ id: inBody.id, graphicWarning: null });
      const cleared = await getPublishedArticle({ slug: "shelling-hits-the-port" });
      expect(cleared?.leadPhoto?.graphicWarning).toBeNull();
      expect(cleared?.graphicPhotos).toEqual({});
    });

    it("tells the writer why, and leaves the text as the editor left it", async () => {
      const lead = await describedPhoto();
      await article("Talks open again", { lead }, "now");
      actAs("writer");
      await expect(rewrite(lead)()).rejects.toThrow(
        "This photo appears in a published story; only an editor can change its text.",
      );
      const [row] = await getDb()
        .select({ caption: media.caption, credit: media.credit })
        .from(media)
        .where(eq(media.id, lead.id));
      expect(row).toEqual({ caption: "Delegates arrive", credit: null });
    });

    it("counts a scheduled story as published: readers will see it", async () => {
      const inBody = await describedPhoto();
      await article("Talks to open tomorrow", { inBody }, "scheduled");
      expect(await matrix(rewrite(inBody))).toEqual(editorsOnly);
    });

    it("lets a writer change a photo that only drafts and trashed stories show", async () => {
      const [lead, inBody] = [await describedPhoto(), await describedPhoto()];
      await article("Talks, a draft", { lead, inBody }, "draft");
      const trashed = await article("Talks, withdrawn", { lead, inBody }, "now");
      actAs("editor");
      await moveArticleToTrash({ id: trashed });
      const anyStaff = {
        anonymous: "refused",
        disabled: "refused",
        writer: "allowed",
        editor: "allowed",
        admin: "allowed",
      };
      expect(await matrix(rewrite(lead))).toEqual(anyStaff);
      expect(await matrix(rewrite(inBody))).toEqual(anyStaff);
    });
  });

  describe("checking a story's photos before publication", () => {
    it("finds a Figure photo without alt text and a lead photo without a caption, but not a ready photo", async () => {
      actAs("writer");
      const [inBody, hero, ready] = [
        await uploaded(await freshPhotoBytes()),
        await uploaded(await freshPhotoBytes()),
        await uploaded(await freshPhotoBytes()),
      ];
      await updatePhotoText({ id: inBody.id, altText: "", caption: "Boats at dawn", credit: "" });
      await updatePhotoText({ id: hero.id, altText: "Harbour wall", caption: "", credit: "" });
      await updatePhotoText({ id: ready.id, altText: "Nets", caption: "Nets drying", credit: "" });
      const bodyMdx = `Intro.\n\n<Figure photo="${inBody.id}" caption="Boats" />\n\nMore.\n\n<Figure photo="${ready.id}" caption="Nets" />\n\n<Figure caption="A described photo" />`;
      const check = await findPhotosMissingText({ bodyMdx, heroMediaId: hero.id });
      expect(check.photoIds.toSorted()).toEqual([inBody.id, hero.id].toSorted());
      expect(check.message).toMatch(/2 photos in this story need alt text and a caption/);
    });

    it("counts a Figure photo the library does not have", async () => {
      actAs("writer");
      const missing = "6f1c3b0e-8d1a-4c55-9a41-2a7d8e0f9b13";
      const check = await findPhotosMissingText({
        bodyMdx: `<Figure photo="${missing}" caption="Gone" />`,
        heroMediaId: null,
      });
      expect(check).toEqual({ photoIds: [missing], message: expect.stringMatching(/does not have/) });
    });

    it("has nothing to say about a story whose photos are ready", async () => {
      actAs("writer");
      const photo = await uploaded(await freshPhotoBytes());
      await updatePhotoText({ id: photo.id, altText: "Nets", caption: "Nets drying", credit: "" });
      expect(await findPhotosMissingText({ bodyMdx: "No photos here.", heroMediaId: photo.id })).toEqual({
        photoIds: [],
        message: null,
      });
    });

    it("is for staff only", async () => {
      expect((await matrix(() => findPhotosMissingText({ bodyMdx: "Text.", heroMediaId: null }))).anonymous).toBe(
        "refused",
      );
    });
  });
});
