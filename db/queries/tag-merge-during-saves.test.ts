import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Staff } from "@/lib/auth/roles";
import { loadNewsroomContent } from "@/lib/content/load";
import { signInAs } from "@/test/staff-session";
import { closeDatabase, databaseDriver, migrateDatabase } from "../client";
import { seedNewsroom } from "../seed";
import { createArticleDraft, getArticleForEditing, saveArticle, type ArticleForEditing } from "./newsroom-articles";
import { getSection } from "./sections";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "./staff";
import { createTag, deleteTag, mergeTags } from "./taxonomy";

vi.mock("@/lib/auth", () => import("@/test/staff-session"));

const DESKS = 20;
// The merge starts a little later each round, so some round meets saves midway through their transactions.
const ROUNDS = 6;
const later = (round: number) => new Promise((resolve) => setTimeout(resolve, round * 3));
let editor: Staff;
let sectionId = "";

async function articlesTagged(tag: string, round: number): Promise<ArticleForEditing[]> {
  const ids: string[] = [];
  for (let desk = 0; desk < DESKS; desk += 1) {
    const draft = await createArticleDraft({
      headline: `Round ${round}, desk ${desk}`,
      dek: "",
      sectionId,
      tags: [tag, `Desk ${desk}`],
      bodyMdx: `Desk ${desk} filed this.\n`,
    });
    if (draft.status !== "saved") throw new Error("the draft was not created");
    ids.push(draft.id);
  }
  return Promise.all(ids.map(async (id) => (await getArticleForEditing({ id }))!));
}

/**
 * Each desk retags its story, keeping the tag being merged or deleted, while the editor does it.
 * No body is sent, so nothing waits on the compiler and the twenty saves meet the merge at once.
 */
async function saveAll(articles: ArticleForEditing[], tag: string) {
  return Promise.allSettled(
    articles.map((article, desk) =>
      saveArticle({ id: article.id, expectedVersion: article.version, tags: [tag, `Desk ${desk}`, "Late edit"] }),
    ),
  );
}

const failures = (outcomes: PromiseSettledResult<unknown>[]) =>
  outcomes
    .filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected")
    .map((outcome) => String(outcome.reason));

describe(`story saves while an editor merges or deletes their tag, on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
    sectionId = (await getSection({ slug: "world" }))!.id;
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
  });
  beforeEach(() => signInAs(editor));
  afterAll(() => closeDatabase());

  it("lands twenty saves made during a tag merge, each round, without one failing", async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const source = `Merged away ${round}`;
      const target = await createTag({ name: `Merged into ${round}` });
      const articles = await articlesTagged(source, round);
      const sourceId = await tagIdNamed(source);
      const [saves, merge] = await Promise.all([
        saveAll(articles, source),
        later(round).then(() => mergeTagsInto(sourceId, target)),
      ]);
      expect(failures(saves)).toEqual([]);
      expect(merge).toBe("ok");
    }
  });

  it("lands twenty saves made during a tag delete, each round, without one failing", async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const doomed = `Deleted ${round}`;
      const articles = await articlesTagged(doomed, round + 100);
      const doomedId = await tagIdNamed(doomed);
      const [saves, deleted] = await Promise.all([
        saveAll(articles, doomed),
        later(round).then(async () => (await deleteTag({ id: doomedId })).status),
      ]);
      expect(failures(saves)).toEqual([]);
      expect(deleted).toBe("ok");
    }
  });
});

async function tagIdNamed(name: string): Promise<string> {
  const { listTagsWithCounts } = await import("./taxonomy");
  const tag = (await listTagsWithCounts()).find((candidate) => candidate.name === name);
  if (!tag) throw new Error(`no tag named ${name}`);
  return tag.id;
}

async function mergeTagsInto(sourceId: string, target: Awaited<ReturnType<typeof createTag>>) {
  if (target.status !== "ok") throw new Error("the target tag was not created");
  return (await mergeTags({ sourceId, targetId: target.tag.id })).status;
}
