import path from "node:path";
import { asc, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Staff } from "@/lib/auth/roles";
import { loadNewsroomContent } from "@/lib/content/load";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { articleRevisions, articles, articleTags, auditLog, sections, tags, users } from "../schema";
import { seedNewsroom } from "../seed";
import {
  createArticleDraft,
  getArticleForEditing,
  saveArticle,
  type ArticleInput,
  type ArticleWriteResult,
} from "./newsroom-articles";
import { getSection } from "./sections";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "./staff";

import { signInAs } from "@/test/staff-session";
vi.mock("@/lib/auth", () => import("@/test/staff-session"));

const EDITORS = 20;
let editor: Staff;
let sectionId = "";

/** What editor `n` sends: a headline, a text and a tag no other editor sends. */
function edit(n: number): ArticleInput {
  return {
    headline: `Twenty desks, draft by desk ${n}`,
    dek: `Desk ${n}'s standfirst.`,
    sectionId,
    tags: [`Desk ${n}`],
    bodyMdx: `Desk ${n} filed this paragraph.\n\nAnd this one, which only desk ${n} wrote.`,
  };
}

type Saved = Extract<ArticleWriteResult, { status: "saved" }>;
type Refused = Extract<ArticleWriteResult, { status: "conflict" }>;

/** Every row the saves must leave alone: everything but the one story's own rows and the tags table. */
async function everythingElse(articleId: string) {
  const db = getDb();
  return {
    articles: await db.select().from(articles).where(ne(articles.id, articleId)).orderBy(asc(articles.id)),
    revisions: await db
      .select()
      .from(articleRevisions)
      .where(ne(articleRevisions.articleId, articleId))
      .orderBy(asc(articleRevisions.id)),
    articleTags: await db
      .select()
      .from(articleTags)
      .where(ne(articleTags.articleId, articleId))
      .orderBy(asc(articleTags.articleId), asc(articleTags.tagId)),
    audit: await db.select().from(auditLog).where(ne(auditLog.entityId, articleId)).orderBy(asc(auditLog.id)),
    sections: await db.select().from(sections).orderBy(asc(sections.id)),
    users: await db.select().from(users).orderBy(asc(users.id)),
  };
}

async function revisionsOf(articleId: string) {
  return getDb()
    .select({
      version: articleRevisions.version,
      headline: articleRevisions.headline,
      bodyMdx: articleRevisions.bodyMdx,
      savedById: articleRevisions.savedById,
    })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(asc(articleRevisions.version));
}

async function savesAuditedFor(articleId: string) {
  const rows = await getDb()
    .select({ action: auditLog.action, detail: auditLog.detail })
    .from(auditLog)
    .where(eq(auditLog.entityId, articleId))
    .orderBy(asc(auditLog.id));
  return rows.filter((row) => row.action === "article.saved");
}

async function newDraft(headline: string) {
  const draft = await createArticleDraft({ ...edit(0), headline, tags: ["Newsdesk"], bodyMdx: "The first text." });
  if (draft.status !== "saved") throw new Error(`the draft was not created: ${draft.status}`);
  return draft;
}

describe(`twenty parallel saves of one story on ${databaseDriver()}`, () => {
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

  it("lands exactly one of twenty saves made from the same version, and refuses the others with the text that won", async () => {
    const draft = await newDraft("Twenty desks at once");
    const tagsBefore = await getDb().select().from(tags).orderBy(asc(tags.id));
    const untouchedBefore = await everythingElse(draft.id);

    const outcomes = await Promise.allSettled(
      Array.from({ length: EDITORS }, (_, n) =>
        saveArticle({ id: draft.id, expectedVersion: draft.version, ...edit(n) }),
      ),
    );

    const results = outcomes.map((outcome, n) => {
      if (outcome.status === "rejected")
        throw new Error(`save ${n} threw instead of saving or conflicting`, { cause: outcome.reason });
      return { n, result: outcome.value };
    });
    const saved = results.filter((entry): entry is { n: number; result: Saved } => entry.result.status === "saved");
    const refused = results.filter(
      (entry): entry is { n: number; result: Refused } => entry.result.status === "conflict",
    );
    expect(saved.length + refused.length, "every save either landed or got a conflict").toBe(EDITORS);
    expect(saved).toHaveLength(1);
    const winner = saved[0]!;
    expect(winner.result.version).toBe(draft.version + 1);

    // The winner's text, exactly, is both the story and its new revision.
    const revisions = await revisionsOf(draft.id);
    expect(revisions).toEqual([
      { version: draft.version, headline: "Twenty desks at once", bodyMdx: "The first text.", savedById: editor.id },
      {
        version: winner.result.version,
        headline: edit(winner.n).headline,
        bodyMdx: edit(winner.n).bodyMdx,
        savedById: editor.id,
      },
    ]);
    expect(await getArticleForEditing({ id: draft.id })).toMatchObject({
      ...edit(winner.n),
      version: winner.result.version,
    });

    // Each refused desk is told what beat it, to merge its own text (still in its hands) with.
    for (const { n, result } of refused) {
      expect(result.current, `desk ${n}'s conflict`).toMatchObject({
        version: winner.result.version,
        bodyMdx: edit(winner.n).bodyMdx,
        headline: edit(winner.n).headline,
      });
      expect(revisions.map((revision) => revision.bodyMdx)).not.toContain(edit(n).bodyMdx);
    }

    // Nothing else moved: one audited save, one new tag (the winner's), every other row as it was.
    expect(await savesAuditedFor(draft.id)).toEqual([
      { action: "article.saved", detail: { version: winner.result.version } },
    ]);
    const tagsAfter = await getDb().select().from(tags).orderBy(asc(tags.id));
    expect(
      tagsAfter.filter((tag) => !tagsBefore.some((before) => before.id === tag.id)).map((tag) => tag.name),
    ).toEqual([`Desk ${winner.n}`]);
    expect(tagsAfter).toEqual(expect.arrayContaining(tagsBefore));
    expect(await everythingElse(draft.id)).toEqual(untouchedBefore);
  });

  it("lands every desk's text as its own revision when each refused desk saves again over the version it was shown", async () => {
    const draft = await newDraft("Twenty desks, one after another");
    let pending = Array.from({ length: EDITORS }, (_, n) => ({ n, expectedVersion: draft.version }));
    const landed: Array<{ n: number; version: number }> = [];

    while (pending.length > 0) {
      const round = await Promise.all(
        pending.map(async (desk) => ({
          desk,
          result: await saveArticle({ id: draft.id, expectedVersion: desk.expectedVersion, ...edit(desk.n) }),
        })),
      );
      const winners = round.filter(({ result }) => result.status === "saved");
      expect(winners, "one save lands in each round").toHaveLength(1);
      for (const { desk, result } of winners)
        if (result.status === "saved") landed.push({ n: desk.n, version: result.version });
      pending = round.flatMap(({ desk, result }) =>
        result.status === "conflict" ? [{ n: desk.n, expectedVersion: result.current.version }] : [],
      );
    }

    const revisions = await revisionsOf(draft.id);
    expect(revisions).toHaveLength(EDITORS + 1);
    for (const { n, version } of landed) {
      expect(
        revisions.find((revision) => revision.version === version),
        `desk ${n}'s revision`,
      ).toMatchObject({ headline: edit(n).headline, bodyMdx: edit(n).bodyMdx });
    }
    expect(new Set(landed.map(({ n }) => n)).size).toBe(EDITORS);
    expect(await savesAuditedFor(draft.id)).toHaveLength(EDITORS);
    expect(await getArticleForEditing({ id: draft.id })).toMatchObject({
      version: draft.version + EDITORS,
      bodyMdx: edit(landed.at(-1)!.n).bodyMdx,
    });
  });
});
