import { createHash } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { photoResponse } from "@/lib/media/photo-response";
import type { Staff } from "@/lib/auth/roles";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { sections, media } from "../schema";
import { updatePhotoText, uploadPhoto } from "./media";
import { createArticleDraft, publishArticle } from "./newsroom-articles";
import { createFirstAdministrator } from "./staff";

import { signInAs } from "@/test/staff-session";
vi.mock("@/lib/auth", () => import("@/test/staff-session"));

let writer: Staff;

const request = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, { headers });

async function uploadedPng(): Promise<string> {
  const bytes = new Uint8Array(
    await sharp({ create: { width: 48, height: 32, channels: 3, background: { r: 30, g: 60, b: 90 } } })
      .png()
      .toBuffer(),
  );
  const result = await uploadPhoto({ bytes, originalName: "meeting with a source in Doha.png" });
  if (result.status !== "ok") throw new Error(result.message);
  return result.photo.id;
}

describe(`what /media sends on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    writer = await createFirstAdministrator({
      name: "Wren Writer",
      email: "wren@media.example",
      password: "correct horse battery staple",
    });
  });

  beforeEach(() => signInAs(writer));
  afterAll(() => closeDatabase());

  it("shows an uploaded photo in place, named by its id and never by the name it was uploaded with", async () => {
    const id = await uploadedPng();
    const response = await photoResponse(request(`/media/${id}`), id);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "content-disposition": `inline; filename="${id}.png"`,
      "x-content-type-options": "nosniff",
    });
  });

  it("shows a published width in place as WebP", async () => {
    const id = await uploadedPng();
    const response = await photoResponse(request(`/media/${id}/320`), id, 320);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="${id}.webp"`);
  });

  it("offers bytes of any other type in the library only as an opaque download, so a stored SVG cannot run as a page", async () => {
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
    );
    const [row] = await getDb()
      .insert(media)
      .values({
        contentHash: createHash("sha256").update(svg).digest("hex"),
        mimeType: "image/svg+xml",
        byteSize: svg.byteLength,
        width: 10,
        height: 10,
        altText: "",
        data: svg,
      })
      .returning({ id: media.id });
    const response = await photoResponse(request(`/media/${row!.id}`), row!.id);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${row!.id}.bin"`,
      "x-content-type-options": "nosniff",
    });
  });

  it("sends a photo only a draft shows to no reader, and one a published story shows to every cache", async () => {
    const id = await uploadedPng();
    await updatePhotoText({ id, altText: "A meeting", caption: "A meeting in Doha", credit: "" });
    const [section] = await getDb()
      .insert(sections)
      .values({ slug: "photo-responses", name: "Photo responses" })
      .returning({ id: sections.id });
    const draft = await createArticleDraft({
      headline: "A meeting in Doha",
      dek: "",
      sectionId: section!.id,
      tags: [],
      bodyMdx: `<Figure photo="${id}" caption="A meeting in Doha" alt="A meeting" />`,
    });
    if (draft.status !== "saved") throw new Error("the draft was not saved");
    signInAs(null);
    expect((await photoResponse(request(`/media/${id}`), id)).status).toBe(404);

    signInAs(writer);
    const published = await publishArticle({ id: draft.id });
    if (published.status === "invalid") throw new Error(published.message);
    signInAs(null);
    const response = await photoResponse(request(`/media/${id}`), id);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("repeats nosniff on a 304", async () => {
    const id = await uploadedPng();
    const response = await photoResponse(request(`/media/${id}`, { "If-None-Match": `"${id}"` }), id);
    expect(response.status).toBe(304);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
