import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Staff } from "@/lib/auth/roles";
import { readerTags } from "@/lib/cache-tags";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { auditLog, media, sections, users } from "../schema";
import { fillMissingPhotoText, findPhotosMissingText, updatePhotoText, uploadPhoto, type PhotoSummary } from "./media";
import { createArticleDraft, publishArticle } from "./newsroom-articles";
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

let shade = 0;
/** A photo as a writer drops it into a story: new to the library, with no text yet. */
async function droppedPhoto(): Promise<PhotoSummary> {
  shade += 1;
  const background = { r: shade % 256, g: 60, b: 200 };
  const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background } })
    .png()
    .toBuffer();
  const result = await uploadPhoto({ bytes: new Uint8Array(bytes), originalName: "dropped.png" });
  if (result.status !== "ok") throw new Error(`upload refused: ${result.message}`);
  return result.photo;
}

async function libraryText(id: string) {
  const [row] = await getDb()
    .select({ caption: media.caption, altText: media.altText })
    .from(media)
    .where(eq(media.id, id));
  return row;
}

async function textAudits(id: string) {
  return getDb()
    .select({ detail: auditLog.detail, actorId: auditLog.actorId })
    .from(auditLog)
    .where(and(eq(auditLog.action, "media.text-updated"), eq(auditLog.entityId, id)));
}

describe(`a photo's text written in a story, on ${databaseDriver()}`, () => {
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

  it("a photo dropped into a story takes the caption and alt text written there", async () => {
    actAs("writer");
    const photo = await droppedPhoto();
    const body = `The harbour woke early.\n\n<Figure photo="${photo.id}" caption="" alt="" />`;

    // The writer fills in the caption first, then the alt text: each is offered as it is written.
    const captioned = await fillMissingPhotoText({ id: photo.id, caption: "  Boats at dawn  ", altText: "" });
    expect(captioned).toMatchObject({ filled: ["caption"], expired: [] });
    expect(captioned?.photo).toMatchObject({ caption: "Boats at dawn", altText: "", readyForPublication: false });
    expect((await findPhotosMissingText({ bodyMdx: body, heroMediaId: null })).photoIds).toEqual([photo.id]);

    const described = await fillMissingPhotoText({
      id: photo.id,
      caption: "Boats at dawn",
      altText: "Fishing boats leave the harbour",
    });
    expect(described).toMatchObject({ filled: ["altText"], expired: [] });
    expect(described?.photo).toMatchObject({
      caption: "Boats at dawn",
      altText: "Fishing boats leave the harbour",
      readyForPublication: true,
    });
    expect(await findPhotosMissingText({ bodyMdx: body, heroMediaId: null })).toEqual({ photoIds: [], message: null });
    expect(await textAudits(photo.id)).toEqual([
      { actorId: staff.writer!.id, detail: { filled: ["caption"], from: "story", readyForPublication: false } },
      { actorId: staff.writer!.id, detail: { filled: ["altText"], from: "story", readyForPublication: true } },
    ]);
  });

  it("counts a library caption of nothing but spaces as none, and fills nothing from blank text", async () => {
    actAs("writer");
    const photo = await droppedPhoto();
    await getDb().update(media).set({ caption: " \n " }).where(eq(media.id, photo.id));
    expect(await fillMissingPhotoText({ id: photo.id, caption: "   ", altText: "" })).toMatchObject({ filled: [] });
    expect(await textAudits(photo.id)).toEqual([]);
    expect(await fillMissingPhotoText({ id: photo.id, caption: "Nets drying", altText: " " })).toMatchObject({
      filled: ["caption"],
    });
    expect(await libraryText(photo.id)).toEqual({ caption: "Nets drying", altText: "" });
  });

  it("text already in the library is never overwritten from a story", async () => {
    actAs("writer");
    const photo = await droppedPhoto();
    await updatePhotoText({ id: photo.id, altText: "", caption: "The harbour wall at low tide", credit: "" });

    const partly = await fillMissingPhotoText({ id: photo.id, caption: "A caption from the story", altText: "A wall" });
    expect(partly?.filled).toEqual(["altText"]);
    expect(partly?.photo).toMatchObject({ caption: "The harbour wall at low tide", altText: "A wall" });

    const nothing = await fillMissingPhotoText({ id: photo.id, caption: "Another caption", altText: "Another wall" });
    expect(nothing).toMatchObject({ filled: [], expired: [] });
    expect(nothing?.photo).toMatchObject({ caption: "The harbour wall at low tide", altText: "A wall" });
    expect(await libraryText(photo.id)).toEqual({ caption: "The harbour wall at low tide", altText: "A wall" });
    // The library's own edit and the one fill: offering text that fills nothing is not a change.
    expect(await textAudits(photo.id)).toHaveLength(2);
  });

  it("a photo that is not in the library is reported missing", async () => {
    actAs("writer");
    expect(
      await fillMissingPhotoText({ id: "6f1c3b0e-8d1a-4c55-9a41-2a7d8e0f9b13", caption: "Boats", altText: "Boats" }),
    ).toBeNull();
  });

  it("refuses text over the library's limits", async () => {
    actAs("writer");
    const photo = await droppedPhoto();
    await expect(fillMissingPhotoText({ id: photo.id, caption: "c".repeat(1001), altText: "" })).rejects.toThrow(
      /1000 characters/,
    );
    await expect(fillMissingPhotoText({ id: photo.id, caption: "", altText: "a".repeat(301) })).rejects.toThrow(
      /300 characters/,
    );
    expect(await libraryText(photo.id)).toEqual({ caption: "", altText: "" });
  });

  it("a signed-out call is refused, as is a disabled account's; any active staff member may fill text", async () => {
    actAs("writer");
    const photo = await droppedPhoto();
    actAs("anonymous");
    await expect(fillMissingPhotoText({ id: photo.id, caption: "Boats", altText: "Boats" })).rejects.toMatchObject({
      reason: "signed-out",
    });
    expect(await libraryText(photo.id)).toEqual({ caption: "", altText: "" });
    expect(await matrix(() => fillMissingPhotoText({ id: photo.id, caption: "Boats", altText: "Boats" }))).toEqual({
      anonymous: "refused",
      disabled: "refused",
      writer: "allowed",
      editor: "allowed",
      admin: "allowed",
    });
  });

  it("lets only an editor fill the text of a photo a published story shows, and expires that story", async () => {
    const [section] = await getDb()
      .insert(sections)
      .values({ slug: "harbour", name: "Harbour" })
      .returning({ id: sections.id });
    actAs("writer");
    const photo = await droppedPhoto();
    await updatePhotoText({ id: photo.id, altText: "Boats", caption: "Boats at dawn", credit: "" });
    const draft = await createArticleDraft({
      headline: "The fleet returns",
      dek: "",
      sectionId: section!.id,
      tags: [],
      bodyMdx: `The boats came in.\n\n<Figure photo="${photo.id}" caption="Boats at dawn" alt="Boats" />`,
      heroMediaId: null,
    });
    if (draft.status !== "saved") throw new Error("the story was not saved");
    actAs("editor");
    const published = await publishArticle({ id: draft.id });
    if (published.status === "invalid") throw new Error(published.message);
    // Readers now see this photo with no caption, until someone writes one.
    await updatePhotoText({ id: photo.id, altText: "Boats", caption: "", credit: "" });

    actAs("writer");
    expect(await fillMissingPhotoText({ id: photo.id, caption: "", altText: "Other boats" })).toMatchObject({
      filled: [],
    });
    await expect(fillMissingPhotoText({ id: photo.id, caption: "The fleet", altText: "" })).rejects.toThrow(
      "This photo appears in a published story; only an editor can change its text.",
    );
    expect(await libraryText(photo.id)).toEqual({ caption: "", altText: "Boats" });

    actAs("editor");
    const filled = await fillMissingPhotoText({ id: photo.id, caption: "The fleet", altText: "" });
    expect(filled?.filled).toEqual(["caption"]);
    expect(filled?.expired).toContain(readerTags.article(draft.id));
  });
});
