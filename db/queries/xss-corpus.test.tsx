import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { ReactNode } from "react";
import { prerender } from "react-dom/static";
import RssParser from "rss-parser";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import ArticlePage from "@/app/(site)/articles/[slug]/page";
import AuthorPage from "@/app/(site)/author/[slug]/page";
import CorrectionsPage from "@/app/(site)/corrections/[[...page]]/page";
import SectionPage from "@/app/(site)/category/[slug]/page";
import HomePage from "@/app/(site)/front-page/[edition]/page";
import SearchPage from "@/app/(site)/search/page";
import TagPage from "@/app/(site)/tag/[slug]/page";
import { SiteHeader } from "@/components/site-header";
import type { Staff } from "@/lib/auth/roles";
import {
  buildAtomFeed,
  buildCorrectionsRssFeed,
  buildJsonFeed,
  buildLiveEntriesRssFeed,
  buildRssFeed,
  sectionChannel,
  siteChannel,
  tagChannel,
  type FeedChannel,
} from "@/lib/feeds/build-feeds";
import { FRONT_PAGE_EDITION } from "@/lib/routes";
import { parseSearchQuery } from "@/lib/search-query";
import { site } from "@/lib/site";
import { newsSitemap, urlSet } from "@/lib/sitemaps/build-sitemaps";
import { LIVE_ENTRY_LIMITS, PHOTO_TEXT_LIMITS } from "@/lib/editor/form-limits";
import { photoGraphicSchema } from "@/lib/editor/photo-graphic-form";
import { UNSTORABLE, xssVectors, type XssVector } from "@/test/fixtures/xss-vectors";
import { findActiveContent, readableContent, tokenizeHtml } from "@/test/html-inertness";
import { signInAs } from "@/test/staff-session";
import { closeDatabase, databaseDriver, migrateDatabase } from "../client";
import { addArticleNote } from "./article-notes";
import { getPublishedArticle } from "./articles";
import { listFeedArticles, type FeedScope } from "./feeds";
import { postLiveEntry, startLiveCoverage } from "./live-coverage";
import { getLiveFeed, listLiveEntries } from "./live-entries";
import { setPhotoGraphicWarning, updatePhotoText, uploadPhoto } from "./media";
import { createArticleDraft, listNewsroomArticles, publishArticle } from "./newsroom-articles";
import { listCorrections } from "./published-notes";
import { listRecentNewsArticles, listSitemapArticles, listSitemapListings } from "./sitemap";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "./staff";
import { getTag } from "./tags";
import { createSection } from "./taxonomy";

vi.mock("@/lib/auth", () => import("@/test/staff-session"));
// The live page's island asks for the router, which only a browser's app has: its server render needs none.
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ refresh: () => {} }),
}));

const PASSWORD = "correct horse battery staple";
const PHOTO_SIZE = { width: 40, height: 30 };

/** Everything one story carries a vector in, as the newsroom typed it. */
type VectorArticle = {
  vector: XssVector;
  marker: string;
  /** The library photo the story leads with and shows in its body. */
  photoId: string;
  headline: string;
  dek: string;
  sectionName: string;
  tagName: string;
  authorName: string;
  alt: string;
  caption: string;
  credit: string;
  slug: string;
  section: { id: string; slug: string; name: string; description: string };
  tag: { id: string; slug: string; name: string };
  authorSlug: string;
  /** The correction and the update note the story carries. */
  correction: string;
  update: string;
  /** Its entry on the live story: a title, and the entry's own correction. */
  entryTitle: string;
  entryCorrection: string;
};

/** The colleague every vector's story is bylined to after its writer: "By <vector> and Ada Admin". */
const SECOND_BYLINE = "Ada Admin";

// XML 1.0 cannot carry these even as references; the feed and sitemap builders drop them.
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const asXml = (text: string) => text.replace(XML_FORBIDDEN, "");

/** MDX attribute text: quotes and ampersands as references, the rest as typed. */
const mdxAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
/** Markdown text: every ASCII punctuation mark escaped, so the vector is words, never syntax. */
const markdownText = (text: string) => text.replace(/[!-/:-@[-`{-~]/g, "\\$&");

/** What a reader's browser receives for a page, async components and all. */
async function renderPage(page: Promise<ReactNode> | ReactNode): Promise<string> {
  const { prelude } = await prerender(<>{await page}</>);
  return new Response(prelude as ReadableStream<Uint8Array>).text();
}

function jsonLdBlocks(html: string): Array<Record<string, unknown>> {
  const tokens = tokenizeHtml(html);
  return tokens.flatMap((token, index) => {
    if (token.kind !== "start" || token.name !== "script") return [];
    const content = tokens[index + 1];
    return [JSON.parse(content?.kind === "text" ? content.value : "") as Record<string, unknown>];
  });
}

function expectInert(html: string, where: string) {
  expect(findActiveContent(html, { allowJsonLd: true, siteOrigin: site.url }), `${where}:\n${html}`).toEqual([]);
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ["item", "entry", "category", "url", "link", "author"].includes(name),
});

type XmlNode = Record<string, unknown>;

// XML defines five entities; any other reference ("&nbsp;", "&xxe;") makes a strict reader give up on the file.
const UNDEFINED_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

function wellFormed(xml: string): XmlNode {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "")).not.toMatch(UNDEFINED_REFERENCE);
  return xmlParser.parse(xml) as XmlNode;
}

const textOf = (node: unknown): string =>
  typeof node === "string" ? node : String((node as XmlNode | undefined)?.["#text"] ?? "");

type RssItem = { "content:encoded"?: string; creator?: string; categories?: string[] };
const rssParser = new RssParser<Record<string, unknown>, RssItem>();

let shade = 0;
async function freshPhoto(): Promise<Uint8Array> {
  shade += 1;
  const background = { r: shade % 256, g: 60, b: 200 };
  return new Uint8Array(
    await sharp({ create: { ...PHOTO_SIZE, channels: 3, background } })
      .png()
      .toBuffer(),
  );
}

const storable = xssVectors.filter((vector) => !UNSTORABLE.test(vector.text));
const unstorable = xssVectors.filter((vector) => UNSTORABLE.test(vector.text));
const vectorArticles = new Map<string, VectorArticle>();
const vectorArticleOf = (vector: XssVector) => vectorArticles.get(vector.name)!;
const named = <T extends { name: string }>(list: T[]) => list.map((entry) => [entry.name, entry] as const);
/** The first characters of a text, never half a character. */
const firstCharacters = (text: string, count: number) => Array.from(text).slice(0, count).join("");

let liveStory = { id: "", slug: "" };

let admin: Staff;

async function publishVectorArticle(vector: XssVector, index: number): Promise<VectorArticle> {
  const v = vector.text;
  const marker = `kestrel${index}`;
  signInAs(admin);
  const created = await createSection({ name: `Desk ${index} ${v}`, description: `About ${v}` });
  if (created.status !== "ok") throw new Error(`section refused: ${created.message}`);
  const authorName = `${v} (writer ${index})`;
  const writer = await provisionStaffAccountFromCommandLine({
    name: authorName,
    email: `writer${index}@newsroom.example`,
    role: "writer",
    password: PASSWORD,
  });

  signInAs(writer);
  const upload = await uploadPhoto({ bytes: await freshPhoto(), originalName: `${v}.png` });
  if (upload.status !== "ok") throw new Error(`upload refused: ${upload.message}`);
  const photo = await updatePhotoText({
    id: upload.photo.id,
    altText: v.slice(0, 300),
    caption: v,
    credit: v.slice(0, 200),
  });
  const tagName = `Tag ${index} ${v}`;
  const headline = `Story ${index}: ${v}`;
  const bodyMdx = [
    `Dispatch ${marker}: ${markdownText(v)}`,
    `<Figure photo="${upload.photo.id}" width="${PHOTO_SIZE.width}" height="${PHOTO_SIZE.height}" caption="${mdxAttribute(v)}" alt="${mdxAttribute(v)}" credit="${mdxAttribute(v)}" />`,
  ].join("\n\n");
  const draft = await createArticleDraft({
    headline,
    dek: v,
    sectionId: created.section.id,
    tags: [tagName],
    bodyMdx,
    heroMediaId: upload.photo.id,
    bylines: [writer.id, admin.id],
  });
  if (draft.status !== "saved") throw new Error(`draft refused: ${JSON.stringify(draft)}`);

  signInAs(admin);
  const published = await publishArticle({ id: draft.id });
  if (published.status !== "published") throw new Error(`publication refused: ${JSON.stringify(published)}`);
  const correction = `Correction ${marker}: ${v}`;
  const update = `Update ${marker}: ${v}`;
  for (const [kind, body] of [
    ["correction", correction],
    ["update", update],
  ] as const) {
    const noted = await addArticleNote({ articleId: draft.id, kind, body });
    if (noted.status !== "ok") throw new Error(`note refused: ${noted.message}`);
  }
  const article = await getPublishedArticle({ slug: published.slug });
  const tag = article?.tags[0] && (await getTag({ slug: article.tags[0].slug }));
  if (!article || !tag || !photo) throw new Error(`story ${index} is not public`);
  return {
    vector,
    marker,
    headline,
    dek: v,
    sectionName: created.section.name,
    tagName: tag.name,
    authorName,
    alt: photo.altText,
    caption: photo.caption,
    credit: photo.credit ?? "",
    slug: published.slug,
    section: created.section,
    tag,
    authorSlug: article.authors[0]!.slug,
    photoId: upload.photo.id,
    correction,
    update,
    entryTitle: firstCharacters(`Entry ${index}: ${v}`, LIVE_ENTRY_LIMITS.title),
    entryCorrection: `Entry correction ${marker}: ${v}`,
  };
}

/** One live story with an entry per vector, its title the vector, each entry corrected with it. */
async function publishLiveDesk(): Promise<{ id: string; slug: string }> {
  signInAs(admin);
  const vectors = [...vectorArticles.values()];
  const desk = await createSection({ name: "Live desk", description: "Where the vectors go live." });
  if (desk.status !== "ok") throw new Error(`section refused: ${desk.message}`);
  const published = await createArticleDraft({
    headline: "Live: the vector desk",
    dek: "Every vector, live.",
    sectionId: desk.section.id,
    tags: [],
    bodyMdx: "The desk is live.",
    intent: "publish",
  });
  if (published.status !== "saved") throw new Error(`live story refused: ${JSON.stringify(published)}`);
  await startLiveCoverage({ articleId: published.id, entriesNeedReview: false });
  for (const vectorArticle of vectors) {
    const posted = await postLiveEntry({
      articleId: published.id,
      title: vectorArticle.entryTitle,
      bodyMdx: `Entry ${vectorArticle.marker}: ${markdownText(vectorArticle.vector.text)}`,
    });
    if (posted.status !== "ok") throw new Error(`entry refused: ${posted.message}`);
    const [entry] = await listLiveEntries({ articleId: published.id });
    const noted = await addArticleNote({
      articleId: published.id,
      liveEntryId: entry!.id,
      kind: "correction",
      body: vectorArticle.entryCorrection,
    });
    if (noted.status !== "ok") throw new Error(`entry note refused: ${noted.message}`);
  }
  return { id: published.id, slug: published.slug };
}

async function feedsFor(scope: FeedScope, channel: FeedChannel) {
  const input = { site, channel, articles: await listFeedArticles({ scope }) };
  return { rss: buildRssFeed(input), atom: buildAtomFeed(input), json: buildJsonFeed(input) };
}

describe(`the XSS corpus through the reader's pages, feeds and sitemaps on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    admin = await createFirstAdministrator({ name: "Ada Admin", email: "ada@newsroom.example", password: PASSWORD });
    for (const [index, vector] of storable.entries())
      vectorArticles.set(vector.name, await publishVectorArticle(vector, index + 1));
    liveStory = await publishLiveDesk();
  });

  beforeEach(() => signInAs(null));
  afterAll(() => closeDatabase());

  it("holds at least 30 vectors, each with a unique name", () => {
    expect(xssVectors.length).toBeGreaterThanOrEqual(30);
    expect(new Set(xssVectors.map((vector) => vector.name)).size).toBe(xssVectors.length);
  });

  it.each(named(storable))(
    "shows %s only as text on its article page, photo, bylines, tags and notes",
    async (_name, vector) => {
      const vectorArticle = vectorArticleOf(vector);
      const html = await renderPage(ArticlePage({ params: Promise.resolve({ slug: vectorArticle.slug }) }));
      expectInert(html, "article page");
      const readable = readableContent(html);
      for (const text of [
        vectorArticle.headline,
        vectorArticle.dek,
        vectorArticle.sectionName,
        vectorArticle.tagName,
        vectorArticle.authorName,
        vectorArticle.alt,
        vectorArticle.caption,
        `Photo: ${vectorArticle.credit}`,
        vectorArticle.correction,
        vectorArticle.update,
        SECOND_BYLINE,
      ]) {
        expect(readable).toContain(text);
      }
    },
  );

  it.each(named(storable))(
    "keeps %s inside the article's JSON-LD strings, where </script> cannot close the block",
    async (_name, vector) => {
      const vectorArticle = vectorArticleOf(vector);
      const html = await renderPage(ArticlePage({ params: Promise.resolve({ slug: vectorArticle.slug }) }));
      const [article, breadcrumbs] = jsonLdBlocks(html);
      expect(article).toMatchObject({
        "@type": "NewsArticle",
        headline: vectorArticle.headline,
        description: vectorArticle.dek,
        articleSection: vectorArticle.sectionName,
        keywords: [vectorArticle.tagName],
        author: [{ name: vectorArticle.authorName }, { name: SECOND_BYLINE }],
        correction: [{ "@type": "CorrectionComment", text: vectorArticle.correction }],
      });
      expect(breadcrumbs?.itemListElement).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: vectorArticle.sectionName }),
          expect.objectContaining({ name: vectorArticle.headline }),
        ]),
      );
    },
  );

  it.each(named(storable))("lists %s only as text on its section, tag and writer pages", async (_name, vector) => {
    const vectorArticle = vectorArticleOf(vector);
    const pages = {
      section: await renderPage(SectionPage({ params: Promise.resolve({ slug: vectorArticle.section.slug }) })),
      tag: await renderPage(TagPage({ params: Promise.resolve({ slug: vectorArticle.tag.slug }) })),
      writer: await renderPage(AuthorPage({ params: Promise.resolve({ slug: vectorArticle.authorSlug }) })),
    };
    for (const [where, html] of Object.entries(pages)) {
      expectInert(html, `${where} page`);
      expect(readableContent(html), where).toContain(vectorArticle.headline);
    }
    expect(readableContent(pages.section)).toContain(vectorArticle.sectionName);
    expect(readableContent(pages.section)).toContain(`About ${vector.text}`);
    expect(readableContent(pages.tag)).toContain(vectorArticle.tagName);
    expect(readableContent(pages.writer)).toContain(vectorArticle.authorName);
    expect(jsonLdBlocks(pages.section)[0]?.itemListElement).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: vectorArticle.sectionName })]),
    );
  });

  it.each(named(storable))(
    "returns %s as text in the RSS, Atom and JSON feeds of its section and tag",
    async (_name, vector) => {
      const vectorArticle = vectorArticleOf(vector);
      const feeds = [
        await feedsFor(
          { kind: "section", sectionId: vectorArticle.section.id },
          sectionChannel(site, vectorArticle.section),
        ),
        await feedsFor({ kind: "tag", tagId: vectorArticle.tag.id }, tagChannel(site, vectorArticle.tag)),
      ];
      for (const { rss, atom, json } of feeds) {
        // RSS: well-formed, every field read back as the text typed (less what XML cannot carry).
        const rssDocument = wellFormed(rss);
        const [rawItem] = ((rssDocument.rss as XmlNode).channel as XmlNode).item as XmlNode[];
        const parsed = await rssParser.parseString(rss);
        const [item] = parsed.items;
        expect(item?.title).toBe(asXml(vectorArticle.headline).replaceAll("]]>", "]]\u2060>"));
        expect(item?.creator).toBe(asXml(vectorArticle.authorName));
        expect(item?.categories).toEqual([asXml(vectorArticle.sectionName), asXml(vectorArticle.tagName)]);
        expect(textOf((rawItem?.["media:content"] as XmlNode)["media:description"])).toBe(asXml(vectorArticle.caption));
        expect(textOf((rawItem?.["media:content"] as XmlNode)["media:credit"])).toBe(asXml(vectorArticle.credit));
        expect(parsed.title).toContain(asXml(vector.text));
        // description and content:encoded are HTML to a feed reader: inert, with the text as text.
        const description = String(rawItem?.description ?? "");
        expect(findActiveContent(description)).toEqual([]);
        expect(readableContent(description)).toBe(asXml(vectorArticle.dek));
        const content = item?.["content:encoded"] ?? "";
        expect(findActiveContent(content, { siteOrigin: site.url }), content).toEqual([]);
        expect(readableContent(content)).toContain(asXml(vectorArticle.caption));
        expect(readableContent(content)).toContain(asXml(vectorArticle.correction));

        const atomDocument = wellFormed(atom);
        const [entry] = (atomDocument.feed as XmlNode).entry as XmlNode[];
        expect(textOf(entry?.title)).toBe(asXml(vectorArticle.headline));
        expect(textOf(entry?.summary)).toBe(asXml(vectorArticle.dek));
        expect((entry?.author as XmlNode[]).map((author) => textOf(author.name))).toEqual([
          asXml(vectorArticle.authorName),
          SECOND_BYLINE,
        ]);
        expect((entry?.category as XmlNode[]).map((category) => category["@_label"])).toEqual([
          asXml(vectorArticle.sectionName),
          asXml(vectorArticle.tagName),
        ]);
        const atomContent = textOf(entry?.content);
        expect(findActiveContent(atomContent, { siteOrigin: site.url })).toEqual([]);

        const jsonFeed = JSON.parse(json) as {
          items: Array<{
            title: string;
            summary: string;
            content_html: string;
            authors: Array<{ name: string }>;
            tags: string[];
          }>;
        };
        expect(jsonFeed.items[0]).toMatchObject({
          title: vectorArticle.headline,
          summary: vectorArticle.dek,
          authors: [{ name: vectorArticle.authorName }, { name: SECOND_BYLINE }],
          tags: [vectorArticle.sectionName, vectorArticle.tagName],
        });
        expect(findActiveContent(jsonFeed.items[0]?.content_html ?? "", { siteOrigin: site.url })).toEqual([]);
      }
    },
  );

  it.each(named(storable))(
    "reflects a search for %s escaped, and marks only the matched word",
    async (_name, vector) => {
      const vectorArticle = vectorArticleOf(vector);
      const q = `${vectorArticle.marker} or ${vector.text}`;
      const query = parseSearchQuery(q);
      const html = await renderPage(SearchPage({ searchParams: Promise.resolve({ q }) }));
      expectInert(html, "search page");
      const readable = readableContent(html);
      if (!query.ok) {
        expect(readable).toContain(query.message);
        return;
      }
      expect(readable).toContain(`“${query.text}”`);
      expect(readable).toContain(vectorArticle.headline);
      const tokens = tokenizeHtml(html);
      const marked = tokens.flatMap((token, index) =>
        token.kind === "start" && token.name === "mark" ? [tokens[index + 1]] : [],
      );
      expect(marked).toContainEqual({ kind: "text", value: vectorArticle.marker });
    },
  );

  it("keeps every vector inert on the home page and in the sections navigation", async () => {
    const home = await renderPage(HomePage({ params: Promise.resolve({ edition: FRONT_PAGE_EDITION }) }));
    const header = await renderPage(SiteHeader({}));
    expectInert(home, "home page");
    expectInert(header, "masthead");
    for (const vectorArticle of vectorArticles.values())
      expect(readableContent(header)).toContain(vectorArticle.sectionName);
    const [website] = jsonLdBlocks(home);
    expect(website).toMatchObject({ "@type": "WebSite", name: site.name });
  });

  it("writes well-formed site feeds that carry every vector as text", async () => {
    const { rss, atom, json } = await feedsFor({ kind: "site" }, siteChannel(site, "/rss.xml"));
    const parsed = await rssParser.parseString(rss);
    wellFormed(rss);
    wellFormed(atom);
    const titles = parsed.items.map((item) => item.title);
    for (const vectorArticle of vectorArticles.values())
      expect(titles).toContain(asXml(vectorArticle.headline).replaceAll("]]>", "]]\u2060>"));
    for (const item of parsed.items)
      expect(findActiveContent(item["content:encoded"] ?? "", { siteOrigin: site.url })).toEqual([]);
    expect((JSON.parse(json) as { items: unknown[] }).items).toHaveLength(vectorArticles.size + 1);
    const liveItem = parsed.items.find((item) => item.title === "Live: the vector desk");
    expect(
      readableContent(liveItem?.["content:encoded"] ?? ""),
      "the live story's item shows its newest entries",
    ).toContain(asXml([...vectorArticles.values()].at(-1)!.entryCorrection));
  });

  it("keeps every vector inert on a live page, in its entries' titles and corrections and its JSON-LD", async () => {
    const html = await renderPage(ArticlePage({ params: Promise.resolve({ slug: liveStory.slug }) }));
    expectInert(html, "live page");
    const readable = readableContent(html);
    for (const vectorArticle of vectorArticles.values()) {
      expect(readable).toContain(vectorArticle.entryTitle);
      expect(readable).toContain(vectorArticle.entryCorrection);
    }
    const posting = jsonLdBlocks(html).find((block) => block["@type"] === "LiveBlogPosting");
    const newest = [...vectorArticles.values()].reverse().slice(0, 10);
    expect(posting?.liveBlogUpdate).toEqual(
      newest.map((vectorArticle) =>
        expect.objectContaining({
          headline: vectorArticle.entryTitle,
          correction: [expect.objectContaining({ text: vectorArticle.entryCorrection })],
        }),
      ),
    );
  });

  it("writes a well-formed feed of a live story's entries that carries every vector as text", async () => {
    const live = (await getLiveFeed({ slug: liveStory.slug }))!;
    const rss = buildLiveEntriesRssFeed({ site, ...live });
    wellFormed(rss);
    const items = (await rssParser.parseString(rss)).items;
    expect(items.map((item) => item.title)).toEqual(
      [...vectorArticles.values()]
        .reverse()
        .map((vectorArticle) => asXml(vectorArticle.entryTitle).replaceAll("]]>", "]]\u2060>")),
    );
    for (const [index, vectorArticle] of [...vectorArticles.values()].reverse().entries()) {
      const content = items[index]?.["content:encoded"] ?? "";
      expect(findActiveContent(content, { siteOrigin: site.url }), content).toEqual([]);
      expect(readableContent(content)).toContain(asXml(vectorArticle.entryCorrection));
    }
  });

  it("lists every vector's corrections as text on /corrections, page by page, and in its feed", async () => {
    const readable: string[] = [];
    let before: string | undefined;
    do {
      const page = before ? ["before", before] : undefined;
      const html = await renderPage(CorrectionsPage({ params: Promise.resolve({ page }) }));
      expectInert(html, `corrections page before ${before ?? "none"}`);
      readable.push(readableContent(html));
      before = (await listCorrections({ before })).olderCursor ?? undefined;
    } while (before);
    for (const vectorArticle of vectorArticles.values()) {
      expect(readable.join("\n")).toContain(vectorArticle.correction);
      expect(readable.join("\n")).toContain(vectorArticle.entryCorrection);
    }
    const { corrections } = await listCorrections();
    const rss = buildCorrectionsRssFeed({ site, corrections });
    wellFormed(rss);
    const items = (await rssParser.parseString(rss)).items;
    expect(items).toHaveLength(corrections.length);
    for (const item of items) expect(findActiveContent(item.content ?? "")).toEqual([]);
  });

  it("writes a well-formed sitemap of site addresses only, and a news sitemap whose titles are the headlines as text", async () => {
    const entries = [
      { path: "/", lastModified: null },
      ...(await listSitemapListings()),
      ...(await listSitemapArticles({ offset: 0, limit: 50_000 })),
    ];
    const sitemap = wellFormed(urlSet(entries, site.url));
    const locations = ((sitemap.urlset as XmlNode).url as XmlNode[]).map((url) => textOf(url.loc));
    for (const location of locations)
      expect(location).toMatch(new RegExp(`^${site.url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/[a-z0-9/-]*$`));
    for (const vectorArticle of vectorArticles.values())
      expect(locations).toContain(new URL(`/articles/${vectorArticle.slug}`, site.url).toString());

    const news = wellFormed(
      newsSitemap(await listRecentNewsArticles(), { name: site.name, language: site.language, siteUrl: site.url }),
    );
    const titles = ((news.urlset as XmlNode).url as XmlNode[]).map((url) =>
      textOf((url["news:news"] as XmlNode)["news:title"]),
    );
    for (const vectorArticle of vectorArticles.values()) expect(titles).toContain(asXml(vectorArticle.headline));
  });

  it.each(named(unstorable))(
    "never shows %s to a reader: the database refuses it before anything is stored",
    async (_name, vector) => {
      signInAs(admin);
      const section = [...vectorArticles.values()][0]!.section;
      await expect(
        createArticleDraft({
          headline: `Refused: ${vector.text}`,
          dek: vector.text,
          sectionId: section.id,
          tags: [],
          bodyMdx: "Text.",
        }),
      ).rejects.toThrow();
      expect((await listNewsroomArticles({ text: "Refused:", page: 1 })).articles).toEqual([]);
    },
  );

  it.each(named(storable))(
    "shows %s as a graphic photo's warning only as text, on the story's page and in its feeds",
    async (_name, vector) => {
      const vectorArticle = vectorArticleOf(vector);
      const form = photoGraphicSchema.safeParse({
        id: vectorArticle.photoId,
        graphic: "on",
        graphicWarning: vector.text,
      });
      if (!form.success) {
        // Too long for a warning: the form says so, and nothing reaches a reader.
        expect(form.error.issues.map((issue) => issue.message)).toEqual([
          `Keep the warning to ${PHOTO_TEXT_LIMITS.graphicWarning} characters or fewer.`,
        ]);
        return;
      }
      const marked = form.data;
      signInAs(admin);
      await setPhotoGraphicWarning(marked);
      signInAs(null);
      try {
        const html = await renderPage(ArticlePage({ params: Promise.resolve({ slug: vectorArticle.slug }) }));
        expectInert(html, "article page with a graphic photo");
        expect(readableContent(html)).toContain(marked.graphicWarning);
        const { rss, atom } = await feedsFor(
          { kind: "tag", tagId: vectorArticle.tag.id },
          tagChannel(site, vectorArticle.tag),
        );
        wellFormed(atom);
        const [rawItem] = ((wellFormed(rss).rss as XmlNode).channel as XmlNode).item as XmlNode[];
        expect(rawItem?.["media:content"]).toBeUndefined();
        const content = (await rssParser.parseString(rss)).items[0]?.["content:encoded"] ?? "";
        expect(findActiveContent(content, { siteOrigin: site.url }), content).toEqual([]);
        expect(readableContent(content)).toContain(asXml(marked.graphicWarning!));
        expect(content).not.toContain(`/media/${vectorArticle.photoId}`);
      } finally {
        signInAs(admin);
        await setPhotoGraphicWarning({ id: vectorArticle.photoId, graphicWarning: null });
        signInAs(null);
      }
    },
  );

  it.each(named(unstorable))(
    "answers a search for %s without an error, reading the NUL as a space",
    async (_name, vector) => {
      const html = await renderPage(SearchPage({ searchParams: Promise.resolve({ q: vector.text }) }));
      expectInert(html, "search page");
      expect(readableContent(html)).toContain(`“${vector.text.replace(/\u0000/g, " ")}”`);
    },
  );
});
