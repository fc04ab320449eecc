import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, databaseDriver, migrateDatabase } from "@/db/client";
import { uploadPhoto } from "@/db/queries/media";
import { createArticleDraft, moveArticleToTrash, type ArticleForEditing } from "@/db/queries/newsroom-articles";
import { getSection } from "@/db/queries/sections";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "@/db/queries/staff";
import { seedNewsroom } from "@/db/seed";
import type { Staff } from "@/lib/auth/roles";
import { loadNewsroomContent } from "@/lib/content/load";
import { compileInIsolation } from "@/lib/mdx/isolated-compiler/compiler-process";
import { signInAs } from "@/test/staff-session";
import { GET, PUT } from "./route";

vi.mock("@/lib/auth", () => import("@/test/staff-session"));
vi.mock("@/lib/mdx/isolated-compiler/compiler-process", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/mdx/isolated-compiler/compiler-process")>();
  return { ...real, compileInIsolation: vi.fn(real.compileInIsolation) };
});

let editor: Staff;
let writer: Staff;
let worldId = "";
let economyId = "";
let photoId = "";
let otherPhotoId = "";

type Representation = ArticleForEditing & Record<string, unknown>;

const context = (id: string) => ({ params: Promise.resolve({ id }) });

async function read(id: string): Promise<Representation> {
  const response = await GET(new Request(`http://localhost/api/articles/${id}`), context(id));
  expect(response.status).toBe(200);
  return (await response.json()) as Representation;
}

// `next start` builds request.url from its own host name, not from the address the browser used.
async function send(id: string, body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`http://server-7:3000/api/articles/${id}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return PUT(request, context(id));
}

async function photo(colour: string): Promise<string> {
  const bytes = new Uint8Array(
    await sharp({ create: { width: 40, height: 30, channels: 3, background: colour } })
      .png()
      .toBuffer(),
  );
  const uploaded = await uploadPhoto({ bytes, originalName: `${colour}.png` });
  if (uploaded.status !== "ok") throw new Error("the photo was not uploaded");
  return uploaded.photo.id;
}

/** A story with every field filled, so that losing any of them shows. */
async function fullArticle(): Promise<Representation> {
  const created = await createArticleDraft({
    headline: "Every field filled",
    dek: "A standfirst worth keeping.",
    sectionId: worldId,
    tags: ["Ports", "Shipping"],
    bodyMdx: "The first paragraph.\n\nThe second paragraph.\n",
    seoTitle: "A title for search engines",
    seoDescription: "A description for search engines.",
    heroMediaId: photoId,
  });
  if (created.status !== "saved") throw new Error("the story was not created");
  return read(created.id);
}

/** The representation without what every save moves (its version and time), whatever was sent. */
function moving(article: Representation) {
  return Object.fromEntries(Object.entries(article).filter(([field]) => field !== "version" && field !== "updatedAt"));
}

describe(`PUT /api/articles/{id} keeps what it is not sent, on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
    worldId = (await getSection({ slug: "world" }))!.id;
    economyId = (await getSection({ slug: "economy" }))!.id;
    await createFirstAdministrator({
      name: "Ada Admin",
      email: "ada@newsroom.example",
      password: "correct horse battery staple",
    });
    editor = await provisionStaffAccountFromCommandLine({
      name: "Eddie Editor",
      email: "eddie@newsroom.example",
      role: "editor",
      password: "correct horse battery staple",
    });
    writer = await provisionStaffAccountFromCommandLine({
      name: "Wren Writer",
      email: "wren@newsroom.example",
      role: "writer",
      password: "correct horse battery staple",
    });
    signInAs(editor);
    photoId = await photo("#336699");
    otherPhotoId = await photo("#996633");
  });

  beforeEach(() => {
    signInAs(editor);
    vi.mocked(compileInIsolation).mockClear();
  });
  afterAll(() => closeDatabase());

  it("changes only the headline when GET's JSON comes back with one word of the headline changed", async () => {
    const before = await fullArticle();
    const response = await send(before.id, { ...before, headline: "Every field kept" });
    expect(response.status).toBe(200);
    const after = await read(before.id);
    expect(moving(after)).toEqual({ ...moving(before), headline: "Every field kept" });
    expect(after.version).toBe(before.version + 1);
  });

  const changes: Array<[string, () => Record<string, unknown>]> = [
    ["headline", () => ({ headline: "A new headline" })],
    ["dek", () => ({ dek: "A new standfirst." })],
    ["sectionId", () => ({ sectionId: economyId })],
    ["tags", () => ({ tags: ["Harbours"] })],
    ["bodyMdx", () => ({ bodyMdx: "A rewritten paragraph.\n" })],
    ["slug", () => ({ slug: "a-new-address" })],
    ["seoTitle", () => ({ seoTitle: "Another search title" })],
    ["seoDescription", () => ({ seoDescription: "Another search description." })],
    ["heroMediaId", () => ({ heroMediaId: otherPhotoId })],
  ];

  it.each(changes)("changes %s alone when only it is sent, keeping every other field", async (field, change) => {
    const before = await fullArticle();
    const sent = change();
    const response = await send(before.id, { expectedVersion: before.version, ...sent });
    expect(response.status).toBe(200);
    const after = await read(before.id);
    expect(moving(after)).toEqual({ ...moving(before), ...sent });
    expect(Object.keys(sent)).toEqual([field]);
  });

  const clearings: Array<[string, unknown, unknown]> = [
    ["dek", "", ""],
    ["dek", null, ""],
    ["tags", [], []],
    ["tags", null, []],
    ["seoTitle", null, ""],
    ["seoTitle", "", ""],
    ["seoDescription", null, ""],
    ["heroMediaId", null, null],
  ];

  it.each(clearings)("clears %s when it is sent as %j", async (field, sent, cleared) => {
    const before = await fullArticle();
    const response = await send(before.id, { expectedVersion: before.version, [field]: sent });
    expect(response.status).toBe(200);
    expect(moving(await read(before.id))).toEqual({ ...moving(before), [field]: cleared });
  });

  it("refuses a body without the version that was read, saying which field to send", async () => {
    const before = await fullArticle();
    const response = await send(before.id, { headline: "No version" });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      fieldErrors: { expectedVersion: [expect.stringContaining("version you read")] },
    });
  });

  it("does not recompile the body when the body is not sent", async () => {
    const before = await fullArticle();
    vi.mocked(compileInIsolation).mockClear();
    expect((await send(before.id, { expectedVersion: before.version, headline: "Only the headline" })).status).toBe(
      200,
    );
    expect(compileInIsolation).not.toHaveBeenCalled();
  });

  it("refuses a writer's save of an editor's story before compiling any of its text", async () => {
    const before = await fullArticle();
    signInAs(writer);
    vi.mocked(compileInIsolation).mockClear();
    const response = await send(before.id, {
      expectedVersion: before.version,
      bodyMdx: "A writer's text for someone else's story.\n",
    });
    expect(response.status).toBe(403);
    expect(compileInIsolation).not.toHaveBeenCalled();
    signInAs(editor);
    expect(moving(await read(before.id))).toEqual(moving(before));
  });

  it("accepts a save from the page the browser opened at the address it used, and refuses one from another site", async () => {
    const before = await fullArticle();
    const sameSite = await send(
      before.id,
      { expectedVersion: before.version, headline: "Sent from our own page" },
      { Host: "newsroom.example:8080", Origin: "http://newsroom.example:8080" },
    );
    expect(sameSite.status).toBe(200);
    const crossSite = await send(
      before.id,
      { expectedVersion: before.version + 1, headline: "Sent from elsewhere" },
      { Host: "newsroom.example:8080", Origin: "http://newsroom.example.evil.example" },
    );
    expect(crossSite.status).toBe(403);
    expect((await read(before.id)).headline).toBe("Sent from our own page");
  });

  it("publishes in the same save when sent an intent, and refuses the whole save while a photo lacks alt text", async () => {
    const withBarePhoto = await fullArticle();
    const refused = await send(withBarePhoto.id, {
      expectedVersion: withBarePhoto.version,
      headline: "Not half-saved",
      intent: "publish",
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ reason: "photos", detail: expect.stringMatching(/alt text/) });
    expect(await read(withBarePhoto.id)).toEqual(withBarePhoto);

    const published = await send(withBarePhoto.id, {
      expectedVersion: withBarePhoto.version,
      headline: "Published through the API",
      heroMediaId: null,
      intent: "publish",
    });
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ version: withBarePhoto.version + 1, publication: "published" });
    expect(await read(withBarePhoto.id)).toMatchObject({ status: "published", headline: "Published through the API" });
  });

  it("answers a story moved to the trash meanwhile as not found, not forbidden", async () => {
    const before = await fullArticle();
    await moveArticleToTrash({ id: before.id });
    const response = await send(before.id, { expectedVersion: before.version, headline: "Too late" });
    expect(response.status).toBe(404);
  });
});
