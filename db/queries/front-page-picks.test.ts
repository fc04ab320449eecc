import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadNewsroomContent } from "@/lib/content/load";
import type { Staff } from "@/lib/auth/roles";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { signInAs } from "@/test/staff-session";
import { closeDatabase, databaseDriver, migrateDatabase } from "../client";
import { seedNewsroom } from "../seed";
import { getPublishedArticle, listLatestArticles } from "./articles";
import { FRONT_PAGE_TOP_STORIES, getFrontPage } from "./front-page";
import { listFrontPageChoices, moveFrontPagePick, pinToFrontPage, unpinFromFrontPage } from "./front-page-picks";
import { createArticleDraft, moveArticleToTrash, unpublishArticle, publishArticle } from "./newsroom-articles";
import { getSection } from "./sections";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "./staff";
vi.mock("@/lib/auth", () => import("@/test/staff-session"));

const PASSWORD = "correct horse battery staple";
const COMMISSIONED = "ukraine-to-receive-nato-support-and-membership-after-conflict";
const SAMPLE_LEAD = "neighbours-sign-water-sharing-deal-for-the-shrinking-sorel-river";
const staff: Record<"editor" | "writer", Staff> = {} as never;
let sectionId = "";

const idOf = async (slug: string) => (await getPublishedArticle({ slug }))!.id;
const topSlugs = async () => (await getFrontPage()).top.map((story) => story.slug);

/** Every story on the front page, top and section blocks, in the order a reader meets them. */
async function everyStoryShown() {
  const front = await getFrontPage();
  return [...front.top, ...front.sections.flatMap((block) => block.articles)].map((story) => story.slug);
}

async function publishedStory(headline: string, options: { makeLead?: boolean } = {}) {
  signInAs(staff.editor);
  const result = await createArticleDraft({
    headline,
    dek: "",
    sectionId,
    tags: [],
    bodyMdx: "A paragraph.",
    intent: "publish",
    ...options,
  });
  if (result.status !== "saved") throw new Error(`publishing came back ${result.status}`);
  return result;
}

describe(`the edited front page on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
    sectionId = (await getSection({ slug: "world" }))!.id;
    await createFirstAdministrator({ name: "Ada Admin", email: "ada@newsroom.example", password: PASSWORD });
    for (const role of ["editor", "writer"] as const) {
      staff[role] = await provisionStaffAccountFromCommandLine({
        name: `Front ${role}`,
        email: `front-${role}@newsroom.example`,
        role,
        password: PASSWORD,
      });
    }
  });
  beforeEach(() => signInAs(staff.editor));
  afterAll(() => closeDatabase());

  it("leads a new installation's front page with the sample story its content pins", async () => {
    expect((await topSlugs())[0]).toBe(SAMPLE_LEAD);
    expect((await listFrontPageChoices()).picks.map((pick) => pick.slug)).toEqual([SAMPLE_LEAD]);
  });

  it("leads with the newest story when nothing is pinned, and shows no story twice", async () => {
    await unpinFromFrontPage({ articleId: await idOf(SAMPLE_LEAD) });
    const shown = await everyStoryShown();
    expect(new Set(shown).size).toBe(shown.length);
    expect((await topSlugs()).length).toBeLessThanOrEqual(FRONT_PAGE_TOP_STORIES);
    const [newest] = await listLatestArticles({ limit: 1 });
    expect((await topSlugs())[0]).toBe(newest!.slug);
    expect(newest!.slug).not.toBe(COMMISSIONED);
  });

  it("leads with the story an editor pins as lead, which then appears nowhere else on the page", async () => {
    const change = await pinToFrontPage({ articleId: await idOf(COMMISSIONED), asLead: true });
    expect(change).toMatchObject({ status: "ok", place: 1, expired: ["front"] });
    expect((await topSlugs())[0]).toBe(COMMISSIONED);
    const shown = await everyStoryShown();
    expect(shown.filter((slug) => slug === COMMISSIONED)).toHaveLength(1);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it("keeps the editors' order as stories are pinned, moved and unpinned", async () => {
    const second = await publishedStory("Second pinned story");
    await pinToFrontPage({ articleId: second.id, asLead: false });
    expect((await topSlugs()).slice(0, 2)).toEqual([COMMISSIONED, second.slug]);

    expect(await moveFrontPagePick({ articleId: second.id, direction: "up" })).toMatchObject({ place: 1 });
    expect((await topSlugs()).slice(0, 2)).toEqual([second.slug, COMMISSIONED]);
    expect(await moveFrontPagePick({ articleId: second.id, direction: "up" })).toMatchObject({
      status: "invalid",
      message: "That story is already the lead.",
    });

    await unpinFromFrontPage({ articleId: second.id });
    expect((await listFrontPageChoices()).picks.map((pick) => pick.slug)).toEqual([COMMISSIONED]);
    expect((await topSlugs())[0]).toBe(COMMISSIONED);
  });

  it("takes an unpublished pinned story off the front page at once, and it does not come back pinned", async () => {
    const story = await publishedStory("Pinned, then pulled");
    await pinToFrontPage({ articleId: story.id, asLead: true });
    expect((await topSlugs())[0]).toBe(story.slug);
    const pulled = await unpublishArticle({ id: story.id });
    expect(pulled.expired).toContain("front");
    expect(await everyStoryShown()).not.toContain(story.slug);
    await publishArticle({ id: story.id });
    expect((await topSlugs())[0]).not.toBe(story.slug);
    expect((await listFrontPageChoices()).picks.map((pick) => pick.articleId)).not.toContain(story.id);
  });

  it("takes a trashed pinned story off the front page", async () => {
    const story = await publishedStory("Pinned, then binned");
    await pinToFrontPage({ articleId: story.id, asLead: false });
    await moveArticleToTrash({ id: story.id });
    expect(await everyStoryShown()).not.toContain(story.slug);
    expect((await listFrontPageChoices()).picks.map((pick) => pick.articleId)).not.toContain(story.id);
  });

  it("makes a story the lead in the same press as Publish now when the editor ticks the box", async () => {
    const story = await publishedStory("Breaking: published as the lead", { makeLead: true });
    expect(story.expired).toContain("front");
    expect((await topSlugs()).slice(0, 2)).toEqual([story.slug, COMMISSIONED]);
    await unpinFromFrontPage({ articleId: story.id });
  });

  it("refuses to pin a draft, and says what to do", async () => {
    const draft = await createArticleDraft({ headline: "Not yet out", dek: "", sectionId, tags: [], bodyMdx: "Text." });
    if (draft.status !== "saved") throw new Error("no draft");
    expect(await pinToFrontPage({ articleId: draft.id, asLead: true })).toEqual({
      status: "invalid",
      message: "Only a published story can go on the front page: publish it first.",
    });
  });

  it("holds no more pinned stories than the top of the front page shows", async () => {
    const picks = (await listFrontPageChoices()).picks.length;
    for (let n = picks; n < FRONT_PAGE_TOP_STORIES; n += 1) {
      const story = await publishedStory(`Filler pick ${n}`);
      expect(await pinToFrontPage({ articleId: story.id, asLead: false })).toMatchObject({ status: "ok" });
    }
    const oneTooMany = await publishedStory("One pick too many");
    expect(await pinToFrontPage({ articleId: oneTooMany.id, asLead: false })).toMatchObject({ status: "invalid" });
    expect(await topSlugs()).toHaveLength(FRONT_PAGE_TOP_STORIES);
    expect(await topSlugs()).not.toContain(oneTooMany.slug);
  });

  it("lets only editors and administrators change the front page", async () => {
    signInAs(staff.writer);
    const id = await idOf(COMMISSIONED);
    await expect(pinToFrontPage({ articleId: id, asLead: true })).rejects.toThrow(NotAuthorizedError);
    await expect(unpinFromFrontPage({ articleId: id })).rejects.toThrow(NotAuthorizedError);
    await expect(moveFrontPagePick({ articleId: id, direction: "down" })).rejects.toThrow(NotAuthorizedError);
    await expect(listFrontPageChoices()).rejects.toThrow(NotAuthorizedError);
    signInAs(undefined);
    await expect(pinToFrontPage({ articleId: id, asLead: true })).rejects.toThrow(NotAuthorizedError);
  });
});
