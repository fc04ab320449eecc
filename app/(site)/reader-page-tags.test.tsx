import path from "node:path";
import type { ReactNode } from "react";
import { prerender } from "react-dom/static";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import ArticlePage from "@/app/(site)/articles/[slug]/page";
import AuthorPage from "@/app/(site)/author/[slug]/page";
import SectionPage from "@/app/(site)/category/[slug]/page";
import { GET as sectionFeed } from "@/app/(site)/category/[slug]/rss.xml/route";
import OlderSectionArticlesPage from "@/app/(site)/category/[slug]/before/[cursor]/page";
import HomePage from "@/app/(site)/front-page/[edition]/page";
import TagPage from "@/app/(site)/tag/[slug]/page";
import { GET as tagFeed } from "@/app/(site)/tag/[slug]/rss.xml/route";
import { GET as atomFeed } from "@/app/atom.xml/route";
import { GET as newsSitemap } from "@/app/news-sitemap.xml/route";
import { GET as siteFeed } from "@/app/rss.xml/route";
import { GET as sitemap } from "@/app/sitemap.xml/route";
import { SiteHeader } from "@/components/site-header";
import { closeDatabase, databaseDriver, migrateDatabase } from "@/db/client";
import { getPublishedArticle, listSectionArticles } from "@/db/queries/articles";
import { getSection } from "@/db/queries/sections";
import { seedNewsroom } from "@/db/seed";
import { loadNewsroomContent } from "@/lib/content/load";
import { FRONT_PAGE_EDITION } from "@/lib/routes";

// Every tag a cached read was given while one page or document was made: what Next keeps with it.
const readTags = vi.hoisted(() => [] as string[][]);
vi.mock("next/cache", () => ({
  unstable_cache:
    <Load extends (...args: never[]) => Promise<unknown>>(load: Load, _key: string[], options: { tags?: string[] }) =>
    (...args: Parameters<Load>) => {
      readTags.push(options.tags ?? []);
      return load(...args);
    },
  revalidatePath: () => {},
  revalidateTag: () => {},
}));

const ARTICLE = "ukraine-to-receive-nato-support-and-membership-after-conflict";
const SITE = "http://localhost:3000";

async function tagsOf(render: () => Promise<ReactNode> | ReactNode): Promise<string[]> {
  readTags.length = 0;
  try {
    // A 404 is expected of some: React need not log it, and any other error still fails the test below.
    await prerender(<>{await render()}</>, { onError: () => {} });
  } catch (error) {
    // notFound() throws; the tags read before it still describe the 404 Next caches.
    if (!String((error as { digest?: unknown }).digest ?? "").includes(";404")) throw error;
  }
  return [...new Set(readTags.flat())];
}

async function documentTags(answer: () => Promise<Response>): Promise<string[]> {
  readTags.length = 0;
  await (await answer()).text();
  return [...new Set(readTags.flat())];
}

const params = <P,>(value: P) => ({ params: Promise.resolve(value) });

describe(`what each reader page and document is tagged with, on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
  });
  afterAll(() => closeDatabase());
  beforeEach(() => {
    readTags.length = 0;
  });

  it("tags a story's page with its address and its id, and with the stories its related list shows", async () => {
    const article = (await getPublishedArticle({ slug: ARTICLE }))!;
    const tags = await tagsOf(() => ArticlePage(params({ slug: ARTICLE })));
    expect(tags.slice(0, 2)).toEqual([`story-address:${ARTICLE}`, `story:${article.id}`]);
    expect(tags.every((tag) => tag.startsWith("story:") || tag.startsWith("story-address:"))).toBe(true);
  });

  it("tags a story's 404 with the address asked for, so publishing the story there expires it", async () => {
    expect(await tagsOf(() => ArticlePage(params({ slug: "not-yet-published" })))).toEqual([
      "story-address:not-yet-published",
    ]);
    expect(await tagsOf(() => ArticlePage(params({ slug: "../../etc" })))).toEqual([]);
  });

  it("tags each list and its older pages with its subject and the stories it shows", async () => {
    const world = (await getSection({ slug: "world" }))!;
    const { articles } = await listSectionArticles({ sectionId: world.id });
    const section = await tagsOf(() => SectionPage(params({ slug: "world" })));
    expect(section).toEqual(["section:world", ...articles.map((article) => `story:${article.id}`)]);
    const older = await tagsOf(() => OlderSectionArticlesPage(params({ slug: "world", cursor: articles[0]!.id })));
    expect(older).toEqual(["section:world", ...articles.slice(1).map((article) => `story:${article.id}`)]);
    expect((await tagsOf(() => TagPage(params({ slug: "drought" }))))[0]).toBe("tag:drought");
    expect((await tagsOf(() => AuthorPage(params({ slug: "newsroom-staff" }))))[0]).toBe("author:newsroom-staff");
    expect(await tagsOf(() => TagPage(params({ slug: "no-such-tag" })))).toEqual(["tag:no-such-tag"]);
  });

  it("tags the front page as the front and with every story it shows, and the navigation as navigation", async () => {
    const front = await tagsOf(() => HomePage(params({ edition: FRONT_PAGE_EDITION })));
    expect(front[0]).toBe("front");
    expect(front.slice(1).every((tag) => tag.startsWith("story:"))).toBe(true);
    expect(front.length).toBeGreaterThan(7);
    expect(await tagsOf(() => SiteHeader({}))).toEqual(["navigation"]);
  });

  it("tags the site's feeds as feeds, a section's or tag's feed as that section or tag, and sitemaps as sitemaps", async () => {
    const feedRequest = (feedPath: string) => new Request(`${SITE}${feedPath}`);
    expect(await documentTags(() => siteFeed(feedRequest("/rss.xml")))).toEqual(["feeds"]);
    expect(await documentTags(() => atomFeed(feedRequest("/atom.xml")))).toEqual(["feeds"]);
    const conflicts = "/category/conflicts/rss.xml";
    expect(await documentTags(() => sectionFeed(feedRequest(conflicts), params({ slug: "conflicts" })))).toEqual([
      "section:conflicts",
    ]);
    expect(await documentTags(() => tagFeed(feedRequest("/tag/drought/rss.xml"), params({ slug: "drought" })))).toEqual(
      ["tag:drought"],
    );
    expect(await documentTags(() => sitemap())).toEqual(["sitemaps"]);
    expect(await documentTags(() => newsSitemap())).toEqual(["sitemaps"]);
  });
});
