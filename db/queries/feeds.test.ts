import path from "node:path";
import { eq } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import RssParser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as sectionRss } from "@/app/(site)/category/[slug]/rss.xml/route";
import { GET as tagRss } from "@/app/(site)/tag/[slug]/rss.xml/route";
import { GET as siteAtom } from "@/app/atom.xml/route";
import { GET as siteJsonFeed } from "@/app/feed.json/route";
import { GET as siteRss } from "@/app/rss.xml/route";
import { loadNewsroomContent } from "@/lib/content/load";
import { JSON_FEED_VERSION } from "@/lib/feeds/build-feeds";
import { compileArticle } from "@/lib/mdx/compile";
import { site } from "@/lib/site";
import { articleModelColumns } from "../article-models";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { articleBylines, articles, articleTags, sections, media, tagRedirects, tags, users } from "../schema";
import { seedNewsroom } from "../seed";
import { FEED_LENGTH } from "./feeds";

const NATO_ARTICLE = "ukraine-to-receive-nato-support-and-membership-after-conflict";
const DRAFT_ARTICLE = "family-bakeries-raise-prices-as-flour-and-energy-bills-climb-together";
const SCHEDULED_ARTICLE = "solar-powered-data-centre-opens-inside-a-disused-limestone-quarry";

const NATO_PHOTOS = [
  { caption: "An image of Ukrainian soldiers standing strong and united", camera: "Canon EOS 5D Mark IV" },
  { caption: "A photo capturing the NATO-Ukraine Council meeting in Brussels", camera: "Nikon D850" },
  {
    caption: "A powerful image of Ukrainian Foreign Minister Dmytro Kuleba addressing the council",
    camera: "Sony Alpha a7 III",
  },
];

// A story whose every field needs escaping: ampersands, angle brackets, both quotes, non-ASCII letters.
const AWKWARD = {
  slug: "bread-and-butter-bakers-in-krakow",
  headline: `Bread & <butter>: "Kraków" bakers' ‘oven’ prices rise`,
  dek: `Flour & <salt> cost more; "we can't" say bakers in Łódź`,
  tag: { slug: "r-and-d-labs-zurich", name: `R&D <Labs> "Zürich"` },
  leadCaption: `Loaves & <rolls> "cooling" in Gdańsk`,
  bodyCaption: `Ovens & <trays> "lit" before dawn in Poznań`,
};
const AWKWARD_PHOTO_BYTES = 2048;

const RSS_PATHS = [
  "/rss.xml",
  "/category/conflicts/rss.xml",
  "/category/economy/rss.xml",
  "/category/technology/rss.xml",
];
const TAG_RSS_PATHS = ["/tag/artificial-intelligence/rss.xml", "/tag/sample-content/rss.xml"];
// Tags that only the draft and the scheduled story carry: no reader may learn they exist.
const UNPUBLISHED_TAG_RSS_PATHS = ["/tag/energy/rss.xml", "/tag/small-business/rss.xml", "/tag/inflation/rss.xml"];
const EVERY_FEED = [...RSS_PATHS, ...TAG_RSS_PATHS, "/atom.xml", "/feed.json"];

const absolute = (path: string) => new URL(path, site.url).href;

/** What Next.js would do with the request: find the route handler for the path and call it. */
async function get(path: string, headers: HeadersInit = {}): Promise<Response> {
  const request = new Request(`http://localhost:3000${path}`, { headers });
  const listing = /^\/(category|tag)\/([^/]+)\/rss\.xml$/.exec(path);
  if (listing) {
    const [, kind, slug = ""] = listing;
    const context = { params: Promise.resolve({ slug }) };
    return kind === "category" ? sectionRss(request, context) : tagRss(request, context);
  }
  if (path === "/rss.xml") return siteRss(request);
  if (path === "/atom.xml") return siteAtom(request);
  if (path === "/feed.json") return siteJsonFeed(request);
  throw new Error(`No feed lives at ${path}`);
}

async function body(path: string): Promise<string> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  return response.text();
}

type RssItem = { "content:encoded"?: string };
const rssParser = new RssParser<Record<string, unknown>, RssItem>();

/** Strict XML: every value a string, as written, with the attributes kept. */
const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, path) =>
    [
      "rss.channel.item",
      "rss.channel.item.category",
      "feed.link",
      "feed.entry",
      "feed.entry.link",
      "feed.entry.category",
    ].includes(String(path)),
});

type XmlNode = Record<string, unknown>;

function wellFormed(xml: string): XmlNode {
  expect(XMLValidator.validate(xml)).toBe(true);
  return xmlParser.parse(xml) as XmlNode;
}

/** Prefixes used by an element or attribute with no xmlns:prefix in scope: a namespace-aware reader rejects them. */
function undeclaredPrefixes(name: string, node: unknown, inScope: ReadonlySet<string>, found: Set<string>): void {
  if (Array.isArray(node)) {
    for (const each of node) undeclaredPrefixes(name, each, inScope, found);
    return;
  }
  const fields = typeof node === "object" && node !== null ? Object.entries(node) : [];
  const scope = new Set(inScope);
  for (const [key] of fields) if (key.startsWith("@_xmlns:")) scope.add(key.slice("@_xmlns:".length));
  const prefixOf = (qualified: string) => (qualified.includes(":") ? qualified.split(":")[0] : undefined);
  for (const used of [
    name,
    ...fields
      .map(([key]) => key)
      .filter((key) => key.startsWith("@_"))
      .map((key) => key.slice(2)),
  ]) {
    const prefix = prefixOf(used);
    if (prefix && prefix !== "xmlns" && prefix !== "xml" && !scope.has(prefix)) found.add(prefix);
  }
  for (const [key, child] of fields) {
    if (!key.startsWith("@_") && key !== "#text") undeclaredPrefixes(key, child, scope, found);
  }
}

function rssItems(document: XmlNode): XmlNode[] {
  const channel = (document.rss as XmlNode).channel as XmlNode;
  return (channel.item as XmlNode[] | undefined) ?? [];
}

const RFC_822_DATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

function addresses(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1] ?? "");
}

async function idOf(table: typeof sections | typeof users | typeof tags, slug: string): Promise<string> {
  const [row] = await getDb().select({ id: table.id }).from(table).where(eq(table.slug, slug));
  if (!row) throw new Error(`No ${slug} in the seeded newsroom`);
  return row.id;
}

async function publishAwkwardArticle(): Promise<{ photoId: string }> {
  const db = getDb();
  const [photo] = await db
    .insert(media)
    .values({
      contentHash: "feeds-test-lead-photo",
      mimeType: "image/jpeg",
      byteSize: AWKWARD_PHOTO_BYTES,
      width: 4000,
      height: 3000,
      altText: AWKWARD.leadCaption,
      caption: AWKWARD.leadCaption,
      camera: "Fujifilm X-T5",
      data: new Uint8Array(AWKWARD_PHOTO_BYTES),
    })
    .returning({ id: media.id });
  const bodyMdx = [
    `Bakers met at [the guild hall](/articles/${NATO_ARTICLE}) and Zoë said "enough".`,
    `<Figure caption='${AWKWARD.bodyCaption}' camera="Leica Q2" credit="Zoë Nowak" />`,
    `<Figure photo="${photo!.id}" width="4000" height="3000" caption="The same loaves, closer" />`,
  ].join("\n\n");
  const compiled = await compileArticle(bodyMdx);
  const publishedAt = new Date(Date.now() - 60 * 60 * 1000);
  const [article] = await db
    .insert(articles)
    .values({
      slug: AWKWARD.slug,
      headline: AWKWARD.headline,
      dek: AWKWARD.dek,
      bodyMdx,
      compiledCode: compiled.code,
      sourceHash: compiled.sourceHash,
      ...articleModelColumns(compiled),
      sectionId: await idOf(sections, "economy"),
      authorId: await idOf(users, "newsroom-staff"),
      heroMediaId: photo!.id,
      status: "published",
      publishedAt,
      firstPublishedAt: publishedAt,
      updatedAt: publishedAt,
    })
    .returning({ id: articles.id });
  await db
    .insert(articleBylines)
    .values({ articleId: article!.id, userId: await idOf(users, "newsroom-staff"), position: 0 });
  const [tag] = await db.insert(tags).values(AWKWARD.tag).returning({ id: tags.id });
  await db.insert(articleTags).values({ articleId: article!.id, tagId: tag!.id });
  return { photoId: photo!.id };
}

describe(`the feeds on ${databaseDriver()}`, () => {
  let awkwardPhotoId = "";

  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
    ({ photoId: awkwardPhotoId } = await publishAwkwardArticle());
  });

  afterAll(async () => {
    await closeDatabase();
  });

  it("serves each feed with its own content type and short public caching", async () => {
    const expected: Array<[string, string]> = [
      ["/rss.xml", "application/rss+xml; charset=utf-8"],
      ["/category/conflicts/rss.xml", "application/rss+xml; charset=utf-8"],
      ["/tag/nato/rss.xml", "application/rss+xml; charset=utf-8"],
      ["/atom.xml", "application/atom+xml; charset=utf-8"],
      ["/feed.json", "application/feed+json; charset=utf-8"],
    ];
    for (const [feedPath, contentType] of expected) {
      const response = await get(feedPath);
      expect(response.status, feedPath).toBe(200);
      expect(response.headers.get("Content-Type"), feedPath).toBe(contentType);
      expect(response.headers.get("Cache-Control")).toBe("public, max-age=60, s-maxage=60, stale-while-revalidate=600");
    }
  });

  it("writes well-formed RSS with every namespace it uses declared", async () => {
    for (const feedPath of [...RSS_PATHS, ...TAG_RSS_PATHS, "/tag/nato/rss.xml", `/tag/${AWKWARD.tag.slug}/rss.xml`]) {
      const document = wellFormed(await body(feedPath));
      const found = new Set<string>();
      undeclaredPrefixes("rss", document.rss, new Set(), found);
      expect([...found], feedPath).toEqual([]);
      await expect(rssParser.parseString(await body(feedPath))).resolves.toMatchObject({ items: expect.any(Array) });
    }
  });

  it("describes the channel: title, absolute link, language, last build date and its own address", async () => {
    const siteFeed = await rssParser.parseString(await body("/rss.xml"));
    expect(siteFeed).toMatchObject({
      title: site.name,
      link: absolute("/"),
      description: site.description,
      language: site.language,
    });
    expect(siteFeed.image).toMatchObject({ url: absolute("/apple-icon.png"), link: absolute("/") });

    const channel = (wellFormed(await body("/category/conflicts/rss.xml")).rss as XmlNode).channel as XmlNode;
    expect(channel.title).toBe("Conflicts — The Meridian");
    expect(channel.link).toBe(absolute("/category/conflicts"));
    expect(channel["atom:link"]).toMatchObject({ "@_rel": "self", "@_href": absolute("/category/conflicts/rss.xml") });
    expect(channel.lastBuildDate).toMatch(RFC_822_DATE);
    // The section's newest change: the sample live story's last entry.
    expect(channel.lastBuildDate).toBe("Sat, 28 Nov 2026 21:35:00 GMT");

    const siteChannel = (wellFormed(await body("/rss.xml")).rss as XmlNode).channel as XmlNode;
    expect(siteChannel["atom:link"]).toMatchObject({ "@_rel": "self", "@_href": absolute("/rss.xml") });
    const tagChannel = (wellFormed(await body("/tag/nato/rss.xml")).rss as XmlNode).channel as XmlNode;
    expect(tagChannel["atom:link"]).toMatchObject({ "@_rel": "self", "@_href": absolute("/tag/nato/rss.xml") });
  });

  it("carries the commissioned story with its three photos' descriptions and cameras, field by field", async () => {
    for (const feedPath of ["/rss.xml", "/category/conflicts/rss.xml", "/tag/nato/rss.xml"]) {
      const feed = await rssParser.parseString(await body(feedPath));
      const article = feed.items.find((item) => item.link === absolute(`/articles/${NATO_ARTICLE}`));
      expect(article, feedPath).toMatchObject({
        title: "Ukraine to Receive NATO Support and Membership After Conflict",
        pubDate: "Fri, 01 Dec 2023 00:00:00 GMT",
        creator: "Newsroom Staff",
        contentSnippet: "NATO pledges long-term support to Ukraine and offers membership in the military alliance",
      });
      expect(article?.guid).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(article?.categories).toEqual(["Conflicts", "NATO", "Russia", "Ukraine"]);
      const content = article?.["content:encoded"] ?? "";
      for (const photo of NATO_PHOTOS) {
        expect(content).toContain(photo.caption);
        expect(content).toContain(`Taken with ${photo.camera}`);
      }
      expect(content).toContain("as long as it takes.");
      // The newsroom has only descriptions of these photos: no image, no enclosure, no media:content.
      expect(content).not.toContain("<img");
      expect(article?.enclosure).toBeUndefined();
    }
    const nato = rssItems(wellFormed(await body("/category/conflicts/rss.xml"))).find(
      (item) => item.link === absolute(`/articles/${NATO_ARTICLE}`),
    );
    expect(nato?.["media:content"]).toBeUndefined();
    expect(nato?.["dc:creator"]).toMatchObject({ "#text": "Newsroom Staff" });
  });

  it("dates every item in RFC 822 and lists the newest first, with absolute links throughout", async () => {
    const document = wellFormed(await body("/rss.xml"));
    const items = rssItems(document);
    expect(items.length).toBeGreaterThan(5);
    const times = items.map((item) => {
      expect(item.pubDate).toMatch(RFC_822_DATE);
      return Date.parse(String(item.pubDate));
    });
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const item of items) {
      expect(String(item.link)).toMatch(new RegExp(`^${absolute("/articles/")}[a-z0-9-]+$`));
      // A footnote's fragment points within the item itself; everything else carries the site's address.
      for (const address of addresses(String(item["content:encoded"])).filter((value) => !value.startsWith("#"))) {
        expect(() => new URL(address), address).not.toThrow();
      }
    }
  });

  it("keeps each story's guid, not a permalink, when its headline is edited", async () => {
    const natoLink = absolute(`/articles/${NATO_ARTICLE}`);
    const guidOf = async () => {
      const item = rssItems(wellFormed(await body("/rss.xml"))).find((candidate) => candidate.link === natoLink);
      return { guid: item?.guid as XmlNode, title: item?.title };
    };
    const before = await guidOf();
    expect(before.guid["@_isPermaLink"]).toBe("false");
    const db = getDb();
    const original = "Ukraine to Receive NATO Support and Membership After Conflict";
    await db
      .update(articles)
      .set({ headline: "NATO Promises Ukraine Membership Once the War Ends" })
      .where(eq(articles.slug, NATO_ARTICLE));
    try {
      const after = await guidOf();
      expect(after.title).toBe("NATO Promises Ukraine Membership Once the War Ends");
      expect(after.guid).toEqual(before.guid);
    } finally {
      await db.update(articles).set({ headline: original }).where(eq(articles.slug, NATO_ARTICLE));
    }
  });

  it("escapes ampersands, angle brackets, quotes and non-ASCII in headline, tag and captions, and reads back exactly", async () => {
    const feed = await rssParser.parseString(await body("/rss.xml"));
    const article = feed.items.find((item) => item.link === absolute(`/articles/${AWKWARD.slug}`));
    expect(article).toMatchObject({ title: AWKWARD.headline, contentSnippet: AWKWARD.dek });
    expect(article?.categories).toEqual(["Economy", AWKWARD.tag.name]);
    const content = article?.["content:encoded"] ?? "";
    expect(content).toContain(
      `Ovens &#x26; &#x3C;trays> "lit" before dawn in Poznań<br>Taken with Leica Q2<br>Photo: Zoë Nowak`,
    );
    expect(content).toContain(`Loaves &#x26; &#x3C;rolls> "cooling" in Gdańsk`);
    expect(content).toContain(`<a href="${absolute(`/articles/${NATO_ARTICLE}`)}">the guild hall</a>`);
    // Outside attribute values (where HTML allows a bare "<"), no caption word became an element.
    expect(content.replace(/="[^"]*"/g, '=""')).not.toMatch(/<(butter|salt|rolls|trays)/);

    const atom = wellFormed(await body("/atom.xml"));
    const entry = ((atom.feed as XmlNode).entry as XmlNode[]).find((candidate) =>
      (candidate.link as XmlNode[]).some((link) => link["@_href"] === absolute(`/articles/${AWKWARD.slug}`)),
    );
    expect(entry?.title).toMatchObject({ "#text": AWKWARD.headline });
    expect(entry?.category).toContainEqual(
      expect.objectContaining({ "@_label": AWKWARD.tag.name, "@_term": AWKWARD.tag.slug }),
    );

    const json = JSON.parse(await body("/feed.json")) as {
      items: Array<{ url: string; title: string; tags: string[] }>;
    };
    expect(json.items.find((item) => item.url === absolute(`/articles/${AWKWARD.slug}`))).toMatchObject({
      title: AWKWARD.headline,
      tags: ["Economy", AWKWARD.tag.name],
    });
  });

  it("attaches a lead photo with a file as media:content and an enclosure, with its caption and a credit", async () => {
    const [item] = rssItems(wellFormed(await body(`/tag/${AWKWARD.tag.slug}/rss.xml`)));
    const photoAddress = absolute(`/media/${awkwardPhotoId}`);
    expect(item?.["media:content"]).toEqual({
      "@_xmlns:media": "http://search.yahoo.com/mrss/",
      "@_url": photoAddress,
      "@_type": "image/jpeg",
      "@_fileSize": String(AWKWARD_PHOTO_BYTES),
      "@_medium": "image",
      "@_width": "4000",
      "@_height": "3000",
      "media:description": { "#text": AWKWARD.leadCaption, "@_type": "plain" },
      "media:credit": site.name,
    });
    expect(item?.enclosure).toEqual({
      "@_url": photoAddress,
      "@_type": "image/jpeg",
      "@_length": String(AWKWARD_PHOTO_BYTES),
    });
    expect(String(item?.["content:encoded"])).toContain(
      `<img src="${absolute(`/media/${awkwardPhotoId}/960`)}" alt="Loaves &#x26; <rolls> &#x22;cooling&#x22; in Gdańsk" width="960" height="720">`,
    );
  });

  it("keeps the draft and the scheduled story out of every feed", async () => {
    for (const feedPath of EVERY_FEED) {
      const text = await body(feedPath);
      for (const hidden of [
        DRAFT_ARTICLE,
        SCHEDULED_ARTICLE,
        "Family Bakeries Raise Prices",
        "Solar-Powered Data Centre",
      ]) {
        expect(text, `${hidden} in ${feedPath}`).not.toContain(hidden);
      }
    }
  });

  it("answers a tag that only the draft and the scheduled story carry with 404, without its name", async () => {
    for (const feedPath of UNPUBLISHED_TAG_RSS_PATHS) {
      const response = await get(feedPath);
      expect(response.status, feedPath).toBe(404);
      expect(await response.text(), feedPath).toBe("No such tag.");
    }
  });

  it("answers an unknown section or tag with 404 and a short text", async () => {
    for (const [feedPath, message] of [
      ["/category/sport/rss.xml", "No such section."],
      ["/tag/no-such-topic/rss.xml", "No such tag."],
    ]) {
      const response = await get(feedPath!);
      expect(response.status).toBe(404);
      expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
      expect(await response.text()).toBe(message);
    }
  });

  it("moves subscribers of a renamed tag's old feed to the new one with a permanent redirect", async () => {
    await getDb()
      .insert(tagRedirects)
      .values({ oldSlug: "north-atlantic-alliance", tagId: await idOf(tags, "nato") });
    const response = await get("/tag/north-atlantic-alliance/rss.xml");
    expect(response.status).toBe(308);
    expect(response.headers.get("Location")).toBe(absolute("/tag/nato/rss.xml"));
  });

  it("lets readers poll cheaply: ETag and Last-Modified, then 304 with no body while nothing changed", async () => {
    const first = await get("/tag/nato/rss.xml");
    const etag = first.headers.get("ETag") ?? "";
    const lastModified = first.headers.get("Last-Modified") ?? "";
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(lastModified).toBe("Fri, 01 Dec 2023 00:00:00 GMT");

    const current: Array<Record<string, string>> = [
      { "If-None-Match": etag },
      { "If-None-Match": `W/${etag}, "other"` },
      { "If-Modified-Since": lastModified },
    ];
    for (const headers of current) {
      const again = await get("/tag/nato/rss.xml", headers);
      expect(again.status, JSON.stringify(headers)).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("ETag")).toBe(etag);
      expect(again.headers.get("Last-Modified")).toBe(lastModified);
    }
    // A different copy, or one older than the newest story, is sent the feed again; If-None-Match decides when both come.
    const stale: Array<Record<string, string>> = [
      { "If-None-Match": '"an-older-copy"' },
      { "If-Modified-Since": "Thu, 30 Nov 2023 23:59:59 GMT" },
      { "If-None-Match": '"an-older-copy"', "If-Modified-Since": lastModified },
    ];
    for (const headers of stale) {
      expect((await get("/tag/nato/rss.xml", headers)).status, JSON.stringify(headers)).toBe(200);
    }
    for (const feedPath of ["/rss.xml", "/atom.xml", "/feed.json"]) {
      const response = await get(feedPath);
      expect(response.headers.get("ETag")).toBeTruthy();
      expect((await get(feedPath, { "If-None-Match": response.headers.get("ETag") ?? "" })).status).toBe(304);
    }
  });

  it("writes Atom in the Atom namespace with ids, update times and its own address", async () => {
    const atom = wellFormed(await body("/atom.xml"));
    const feed = atom.feed as XmlNode;
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(absolute("/"));
    expect(Date.parse(String(feed.updated))).not.toBeNaN();
    expect(feed.link).toContainEqual(expect.objectContaining({ "@_rel": "self", "@_href": absolute("/atom.xml") }));
    const entries = feed.entry as XmlNode[];
    const nato = entries.find(
      (entry) => (entry.link as XmlNode[])[0]?.["@_href"] === absolute(`/articles/${NATO_ARTICLE}`),
    );
    expect(nato).toMatchObject({ published: "2023-12-01T00:00:00.000Z", updated: "2023-12-01T00:00:00.000Z" });
    expect(nato?.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^urn:uuid:/);
      expect(Date.parse(String(entry.updated))).not.toBeNaN();
    }
    await expect(rssParser.parseString(await body("/atom.xml"))).resolves.toMatchObject({ title: site.name });
  });

  it("writes JSON Feed 1.1 items with id, url, title, HTML content, dates, authors and tags", async () => {
    const feed = JSON.parse(await body("/feed.json")) as {
      version: string;
      feed_url: string;
      items: Array<Record<string, unknown>>;
    };
    expect(feed.version).toBe(JSON_FEED_VERSION);
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe(absolute("/feed.json"));
    for (const item of feed.items) {
      expect(item).toMatchObject({
        id: expect.stringMatching(/^urn:uuid:/),
        url: expect.stringContaining(absolute("/articles/")),
        title: expect.any(String),
        content_html: expect.any(String),
        date_published: expect.any(String),
      });
    }
    const nato = feed.items.find((item) => item.url === absolute(`/articles/${NATO_ARTICLE}`));
    expect(nato).toMatchObject({
      date_published: "2023-12-01T00:00:00.000Z",
      authors: [{ name: "Newsroom Staff", url: absolute("/author/newsroom-staff") }],
      tags: ["Conflicts", "NATO", "Russia", "Ukraine"],
    });
    const awkward = feed.items.find((item) => item.url === absolute(`/articles/${AWKWARD.slug}`));
    expect(awkward?.image).toBe(absolute(`/media/${awkwardPhotoId}/960`));
  });

  // Last, because the extra stories push older ones out of the site feed.
  it(`holds at most ${FEED_LENGTH} stories`, async () => {
    const db = getDb();
    const compiled = await compileArticle("A short wire report.");
    const [wire] = await db
      .insert(sections)
      .values({ slug: "wire", name: "Wire", position: 99 })
      .returning({ id: sections.id });
    const authorId = await idOf(users, "newsroom-staff");
    await db.insert(articles).values(
      Array.from({ length: FEED_LENGTH + 5 }, (_, index) => {
        const publishedAt = new Date(Date.UTC(2025, 0, 1, 0, index));
        return {
          slug: `wire-report-${index}`,
          headline: `Wire report ${index}`,
          bodyMdx: "A short wire report.",
          compiledCode: compiled.code,
          sourceHash: compiled.sourceHash,
          ...articleModelColumns(compiled),
          sectionId: wire!.id,
          authorId,
          status: "published" as const,
          publishedAt,
          updatedAt: publishedAt,
        };
      }),
    );
    for (const feedPath of ["/rss.xml", "/category/wire/rss.xml"]) {
      expect(rssItems(wellFormed(await body(feedPath))), feedPath).toHaveLength(FEED_LENGTH);
    }
    const wireFeed = await rssParser.parseString(await body("/category/wire/rss.xml"));
    expect(wireFeed.items[0]?.title).toBe(`Wire report ${FEED_LENGTH + 4}`);
    expect(JSON.parse(await body("/feed.json")).items).toHaveLength(FEED_LENGTH);
  });
});
