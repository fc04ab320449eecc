import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listingMetadata, ArticleListing } from "@/app/(site)/_listing/article-listing";
import { GET as tagRss } from "@/app/(site)/tag/[slug]/rss.xml/route";
import type { Staff } from "@/lib/auth/roles";
import { loadNewsroomContent } from "@/lib/content/load";
import { site } from "@/lib/site";
import { closeDatabase, databaseDriver, migrateDatabase } from "../client";
import { seedNewsroom } from "../seed";
import { createArticleDraft, publishArticle, unpublishArticle } from "./newsroom-articles";
import { getSection } from "./sections";
import { listSitemapListings } from "./sitemap";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "./staff";
import { findTagRedirect, getTag } from "./tags";
import { listTagsWithCounts, renameTag } from "./taxonomy";

import { signInAs } from "@/test/staff-session";
vi.mock("@/lib/auth", () => import("@/test/staff-session"));

const PASSWORD = "correct horse battery staple";
const staff: { writer?: Staff; editor?: Staff } = {};
let sectionId = "";

async function draftTagged(headline: string, tag: string): Promise<string> {
  signInAs(staff.writer);
  const draft = await createArticleDraft({
    headline,
    dek: "A standfirst.",
    sectionId,
    tags: [tag],
    bodyMdx: "A paragraph.",
  });
  if (draft.status !== "saved") throw new Error(`"${headline}" was not saved`);
  signInAs(null);
  return draft.id;
}

async function publishAsEditor(id: string, publishAt?: Date) {
  signInAs(staff.editor);
  const result = await publishArticle({ id, publishAt });
  if (result.status === "invalid") throw new Error(result.message);
  signInAs(null);
}

/** What a reader gets at /tag/{slug}: the page's status, and its title when it has one. */
async function tagPage(slug: string): Promise<{ status: number; title?: unknown }> {
  try {
    await ArticleListing({ kind: "tag", slug });
    return { status: 200, title: (await listingMetadata({ kind: "tag", slug })).title };
  } catch (error) {
    // notFound() and permanentRedirect() throw, and Next reads the outcome from the digest.
    const digest = String((error as { digest?: unknown }).digest ?? "");
    if (digest.includes(";404")) return { status: 404 };
    if (digest.startsWith("NEXT_REDIRECT")) return { status: 308, title: digest.split(";")[2] };
    throw error;
  }
}

async function tagFeed(slug: string): Promise<{ status: number; text: string }> {
  const response = await tagRss(new Request(`${site.url}/tag/${slug}/rss.xml`), { params: Promise.resolve({ slug }) });
  return { status: response.status, text: await response.text() };
}

async function sitemapHasTag(slug: string): Promise<boolean> {
  return (await listSitemapListings()).some((entry) => entry.path === `/tag/${slug}`);
}

describe(`a tag readers have not seen yet, on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
    sectionId = (await getSection({ slug: "world" }))!.id;
    await createFirstAdministrator({ name: "Ada Admin", email: "ada@newsroom.example", password: PASSWORD });
    staff.editor = await provisionStaffAccountFromCommandLine({
      name: "Ed Editor",
      email: "ed@newsroom.example",
      role: "editor",
      password: PASSWORD,
    });
    staff.writer = await provisionStaffAccountFromCommandLine({
      name: "Wren Writer",
      email: "wren@newsroom.example",
      role: "writer",
      password: PASSWORD,
    });
  });

  beforeEach(() => signInAs(null));
  afterAll(() => closeDatabase());

  it("is unknown to the tag page, its feed and the sitemap while only a writer's draft carries it, and known once published", async () => {
    const article = await draftTagged("The minister steps down", "Minister resigns");

    expect(await getTag({ slug: "minister-resigns" })).toBeNull();
    expect(await tagPage("minister-resigns")).toEqual({ status: 404 });
    const hiddenFeed = await tagFeed("minister-resigns");
    expect(hiddenFeed.status).toBe(404);
    expect(hiddenFeed.text).not.toContain("Minister resigns");
    expect(await sitemapHasTag("minister-resigns")).toBe(false);

    await publishAsEditor(article);

    expect(await getTag({ slug: "minister-resigns" })).toMatchObject({ name: "Minister resigns" });
    expect(await tagPage("minister-resigns")).toEqual({ status: 200, title: "Minister resigns" });
    const feed = await tagFeed("minister-resigns");
    expect(feed.status).toBe(200);
    expect(feed.text).toContain("Minister resigns");
    expect(feed.text).toContain("The minister steps down");
    expect(await sitemapHasTag("minister-resigns")).toBe(true);
  });

  it("stays unknown while its only story is scheduled, and again once that story is unpublished", async () => {
    const scheduled = await draftTagged("Embargoed budget leak", "Budget leak");
    await publishAsEditor(scheduled, new Date(Date.now() + 24 * 3_600_000));
    expect(await tagPage("budget-leak")).toEqual({ status: 404 });
    expect((await tagFeed("budget-leak")).status).toBe(404);
    expect(await sitemapHasTag("budget-leak")).toBe(false);

    const withdrawn = await draftTagged("A story that was pulled", "Pulled story");
    await publishAsEditor(withdrawn);
    expect((await tagPage("pulled-story")).status).toBe(200);
    signInAs(staff.editor);
    await unpublishArticle({ id: withdrawn });
    expect(await tagPage("pulled-story")).toEqual({ status: 404 });
    expect((await tagFeed("pulled-story")).status).toBe(404);
    expect(await sitemapHasTag("pulled-story")).toBe(false);
  });

  it("redirects a renamed tag's old address only once a public story carries the tag", async () => {
    const article = await draftTagged("Strike talks collapse", "Strike talks");
    signInAs(staff.editor);
    const tag = (await listTagsWithCounts()).find((row) => row.slug === "strike-talks");
    await renameTag({ id: tag!.id, name: "Walkout talks" });

    expect(await findTagRedirect({ slug: "strike-talks" })).toBeNull();
    expect(await tagPage("strike-talks")).toEqual({ status: 404 });
    expect((await tagFeed("strike-talks")).status).toBe(404);

    await publishAsEditor(article);
    expect(await tagPage("strike-talks")).toEqual({ status: 308, title: "/tag/walkout-talks" });
    const moved = await tagRss(new Request(`${site.url}/tag/strike-talks/rss.xml`), {
      params: Promise.resolve({ slug: "strike-talks" }),
    });
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe(`${site.url}/tag/walkout-talks/rss.xml`);
  });
});
