import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadNewsroomContent } from "@/lib/content/load";
import type { Staff } from "@/lib/auth/roles";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { closeDatabase, databaseDriver, migrateDatabase } from "../client";
import { seedNewsroom } from "../seed";
import { createArticleDraft, getArticleRevisionPair, saveArticle } from "./newsroom-articles";
import { getSection } from "./sections";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "./staff";
import { signInAs } from "@/test/staff-session";
vi.mock("@/lib/auth", () => import("@/test/staff-session"));

const PASSWORD = "correct horse battery staple";
const staff: Record<"editor" | "writer" | "otherWriter", Staff> = {} as never;
let sectionId = "";

/** A writer's draft saved twice: the ferry's time and the headline change in between. */
async function draftSavedTwice() {
  signInAs(staff.writer);
  const first = await createArticleDraft({
    headline: "Ferry leaves",
    dek: "The crossing resumes.",
    sectionId,
    tags: [],
    bodyMdx: "The ferry left at noon.\n\nPassengers cheered.",
  });
  if (first.status !== "saved") throw new Error("the draft was not saved");
  const second = await saveArticle({
    id: first.id,
    expectedVersion: first.version,
    headline: "Ferry leaves late",
    dek: "The crossing resumes.",
    sectionId,
    tags: [],
    bodyMdx: "The ferry left at dawn.\n\nPassengers cheered.",
  });
  if (second.status !== "saved") throw new Error("the second save failed");
  return { id: first.id, from: first.version, to: second.version };
}

describe(`comparing two versions of a story on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
    sectionId = (await getSection({ slug: "world" }))!.id;
    await createFirstAdministrator({ name: "Ada Admin", email: "ada@newsroom.example", password: PASSWORD });
    for (const [key, role] of [
      ["editor", "editor"],
      ["writer", "writer"],
      ["otherWriter", "writer"],
    ] as const) {
      staff[key] = await provisionStaffAccountFromCommandLine({
        name: `Compare ${key}`,
        email: `compare-${key}@newsroom.example`,
        role,
        password: PASSWORD,
      });
    }
  });
  beforeEach(() => signInAs(undefined));
  afterAll(() => closeDatabase());

  it("gives a writer both versions of their own draft, each with its text and who saved it", async () => {
    const draft = await draftSavedTwice();
    const pair = await getArticleRevisionPair(draft);
    expect(pair).toMatchObject({
      from: {
        version: draft.from,
        headline: "Ferry leaves",
        dek: "The crossing resumes.",
        bodyMdx: "The ferry left at noon.\n\nPassengers cheered.",
        savedByName: "Compare writer",
      },
      to: {
        version: draft.to,
        headline: "Ferry leaves late",
        bodyMdx: "The ferry left at dawn.\n\nPassengers cheered.",
      },
    });
    expect(pair?.from.createdAt).toBeInstanceOf(Date);
  });

  it("compares in whichever order it is asked, newer against older too", async () => {
    const draft = await draftSavedTwice();
    const pair = await getArticleRevisionPair({ id: draft.id, from: draft.to, to: draft.from });
    expect([pair?.from.headline, pair?.to.headline]).toEqual(["Ferry leaves late", "Ferry leaves"]);
  });

  it("lets an editor compare a writer's draft", async () => {
    const draft = await draftSavedTwice();
    signInAs(staff.editor);
    expect((await getArticleRevisionPair(draft))?.to.headline).toBe("Ferry leaves late");
  });

  it("refuses another writer, and anyone signed out, the versions of a draft that is not theirs", async () => {
    const draft = await draftSavedTwice();
    signInAs(staff.otherWriter);
    await expect(getArticleRevisionPair(draft)).rejects.toThrow(NotAuthorizedError);
    signInAs(undefined);
    await expect(getArticleRevisionPair(draft)).rejects.toThrow(NotAuthorizedError);
  });

  it("finds nothing for a version the story never had, or for a story that is not there", async () => {
    const draft = await draftSavedTwice();
    signInAs(staff.writer);
    expect(await getArticleRevisionPair({ ...draft, to: draft.to + 10 })).toBeNull();
    expect(await getArticleRevisionPair({ id: randomUUID(), from: 1, to: 2 })).toBeNull();
  });
});
