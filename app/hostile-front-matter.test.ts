import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "@/db/client";
import {
  createArticleDraft,
  getArticleForEditing,
  restoreArticleRevision,
  saveArticle,
} from "@/db/queries/newsroom-articles";
import { getSection } from "@/db/queries/sections";
import { createFirstAdministrator } from "@/db/queries/staff";
import { articleRevisions, articles } from "@/db/schema";
import { seedNewsroom } from "@/db/seed";
import type { Staff } from "@/lib/auth/roles";
import { loadNewsroomContent } from "@/lib/content/load";
import { frontMatterProbes } from "@/test/fixtures/front-matter-probes";
import { signInAs } from "@/test/staff-session";
import { previewArticleAction, saveArticleAction } from "./admin/(newsroom)/articles/actions";
import { PUT } from "./api/articles/[id]/route";

vi.mock("@/lib/auth", () => import("@/test/auth-stand-in"));
vi.mock("next-auth", () => import("@auth/core/errors"));

/**
 * Every path on which a story's text is compiled, each fed the front-matter probes of
 * test/fixtures/front-matter-probes.ts and judged by its side effect: the marker file each
 * probe tries to write must not exist afterwards, whatever the path answered.
 */
const workspace = mkdtempSync(path.join(os.tmpdir(), "front-matter-paths-"));
const marker = path.join(workspace, "owned.txt");
const probes = frontMatterProbes(marker).map((probe) => [probe.name, probe.body] as const);

let admin: Staff;
let sectionId = "";

async function plainArticle(): Promise<{ id: string; version: number }> {
  const created = await createArticleDraft({
    headline: "A plain story",
    dek: "",
    sectionId,
    tags: [],
    bodyMdx: "A plain paragraph.\n",
  });
  if (created.status !== "saved") throw new Error("the story was not created");
  return created;
}

/** A stored story whose body no save would accept today, as a row written before the guard was. */
async function articleStoredWith(body: string): Promise<string> {
  const { id } = await plainArticle();
  await getDb().update(articles).set({ bodyMdx: body }).where(eq(articles.id, id));
  return id;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function swallowRedirect(action: Promise<unknown>) {
  await action.catch((error: unknown) => {
    if (!String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) throw error;
  });
}

describe(`front matter on every path that compiles a story, on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
    sectionId = (await getSection({ slug: "world" }))!.id;
    admin = await createFirstAdministrator({
      name: "Ada Admin",
      email: "ada@newsroom.example",
      password: "correct horse battery staple",
    });
  });
  beforeEach(() => signInAs(admin));
  afterEach(() => {
    const ran = existsSync(marker);
    rmSync(marker, { force: true });
    expect(ran).toBe(false);
  });
  afterAll(async () => {
    await closeDatabase();
    rmSync(workspace, { recursive: true, force: true });
  });

  it.each(probes)(
    "the editor's save action runs nothing from %s, for a new story and an existing one",
    async (_name, body) => {
      const fields = { headline: "Probe", sectionId, bodyMdx: body };
      await swallowRedirect(saveArticleAction({ status: "idle" }, form(fields)));
      const { id, version } = await plainArticle();
      await saveArticleAction(
        { status: "idle" },
        form({ ...fields, id, expectedVersion: String(version), intent: "publish" }),
      );
    },
  );

  it.each(probes)(
    "the preview action, and so the editor page's preview of a stored body, runs nothing from %s",
    async (_name, body) => {
      await previewArticleAction(body);
      const stored = await articleStoredWith(body);
      await previewArticleAction((await getArticleForEditing({ id: stored }))!.bodyMdx);
    },
  );

  it.each(probes)("PUT /api/articles/{id} runs nothing from %s", async (_name, body) => {
    const { id, version } = await plainArticle();
    const request = new Request(`http://localhost/api/articles/${id}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ expectedVersion: version, bodyMdx: body }),
    });
    expect([200, 422]).toContain((await PUT(request, { params: Promise.resolve({ id }) })).status);
  });

  // Version 0 is no save's: the revision stands for one kept from before the guard existed.
  it.each(probes)("restoring a revision runs nothing from %s", async (_name, body) => {
    const { id, version } = await plainArticle();
    const [revision] = await getDb()
      .insert(articleRevisions)
      .values({
        articleId: id,
        version: 0,
        headline: "An old revision",
        dek: "",
        bodyMdx: body,
        fields: {},
        savedById: admin.id,
      })
      .returning({ id: articleRevisions.id });
    await restoreArticleRevision({ id, revisionId: revision!.id, expectedVersion: version });
    await saveArticle({ id, expectedVersion: version, bodyMdx: body });
  });

  it("seeding content/ runs nothing from any probe, as a file's front matter or as its body", async () => {
    const folder = mkdtempSync(path.join(workspace, "content-"));
    const yaml = (n: number) =>
      `---\nheadline: Probe ${n}\ndek: A standfirst.\nsection: World\nauthor: Ada Admin\npublished: '2024-01-01'\n---\n`;
    probes.forEach(([, body], n) => writeFileSync(path.join(folder, `probe-${n}.mdx`), yaml(n) + body));
    await seedNewsroom(await loadNewsroomContent(folder), "UTC").catch(() => "refused");
    writeFileSync(path.join(folder, "front-matter.mdx"), probes[0]![1]);
    await expect(loadNewsroomContent(folder)).rejects.toThrow(/front-matter\.mdx/);
  });
});
