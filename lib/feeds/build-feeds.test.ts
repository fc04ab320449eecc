import { XMLParser, XMLValidator } from "fast-xml-parser";
import RssParser from "rss-parser";
import { describe, expect, it } from "vitest";
import {
  buildAtomFeed,
  buildCorrectionsRssFeed,
  buildJsonFeed,
  buildLiveEntriesRssFeed,
  buildRssFeed,
  feedLastModified,
  sectionChannel,
  siteChannel,
  type FeedArticle,
  type FeedSite,
} from "./build-feeds";

const site: FeedSite = {
  name: "The Meridian",
  description: "Independent reporting.",
  language: "en",
  url: "https://meridian.example",
  logoPath: "/apple-icon.png",
  timeZone: "UTC",
};

function article(overrides: Partial<FeedArticle> = {}): FeedArticle {
  return {
    id: "7311a7bb-8323-4063-b614-28ee2f01ed62",
    slug: "ferry-timetable",
    headline: "Lake Towns Share a Ferry Timetable",
    dek: "Two ferries, one timetable.",
    feedBody: ["<p>The first paragraph.</p>"],
    publishedAt: new Date("2026-11-20T08:30:00Z"),
    updatedAt: new Date("2026-11-20T08:30:00Z"),
    section: { slug: "world", name: "World" },
    authors: [{ slug: "newsroom-staff", name: "Newsroom Staff" }],
    tags: [],
    leadPhoto: null,
    ...overrides,
  };
}

const input = (articles: FeedArticle[]) => ({ site, channel: siteChannel(site, "/rss.xml"), articles });
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });

describe("a corrected story in the feeds", () => {
  const corrected = article({
    updatedAt: new Date("2026-11-22T10:00:00Z"),
    notes: [
      {
        id: "1e0e3f53-5c1d-4f0e-9b0a-2f7d0f6f1b11",
        kind: "correction",
        body: "An earlier version named the wrong lake & <b>port</b>.",
        notedAt: new Date("2026-11-21T09:00:00Z"),
      },
      {
        id: "2e0e3f53-5c1d-4f0e-9b0a-2f7d0f6f1b22",
        kind: "update",
        body: "The timetable starts on Monday.",
        notedAt: new Date("2026-11-22T10:00:00Z"),
      },
    ],
  });

  it("shows the notes first in the RSS item, newest first, as text, linking to each on the story", async () => {
    const rss = buildRssFeed(input([corrected]));
    expect(XMLValidator.validate(rss)).toBe(true);
    const [item] = (await new RssParser().parseString(rss)).items;
    expect(item?.guid).toBe(`urn:uuid:${corrected.id}`);
    const html = item?.["content:encoded"] as string;
    expect(html.startsWith('<p><strong><a href="https://meridian.example/articles/ferry-timetable#note-2e0e')).toBe(
      true,
    );
    expect(html).toContain("Update, 22 November 2026");
    expect(html).toContain("An earlier version named the wrong lake &amp; &lt;b&gt;port&lt;/b&gt;.");
    expect(html.indexOf("The timetable starts")).toBeLessThan(html.indexOf("An earlier version"));
    expect(html.indexOf("An earlier version")).toBeLessThan(html.indexOf("The first paragraph."));
  });

  it("moves Atom's updated and JSON Feed's date_modified to the latest change, and keeps the published time", () => {
    const atom = parser.parse(buildAtomFeed(input([corrected]))).feed.entry;
    expect(atom.published).toBe("2026-11-20T08:30:00.000Z");
    expect(atom.updated).toBe("2026-11-22T10:00:00.000Z");
    const [item] = JSON.parse(buildJsonFeed(input([corrected]))).items;
    expect(item.date_published).toBe("2026-11-20T08:30:00.000Z");
    expect(item.date_modified).toBe("2026-11-22T10:00:00.000Z");
    expect(item.content_html.startsWith("<p><strong>")).toBe(true);
  });

  it("lists each correction as its own item in the corrections feed, linking to it on its story", async () => {
    const rss = buildCorrectionsRssFeed({
      site,
      corrections: corrected.notes!.slice(0, 1).map((note) => ({
        ...note,
        story: { slug: corrected.slug, headline: "Lake Towns & Ports" },
      })),
    });
    expect(XMLValidator.validate(rss)).toBe(true);
    const feed = await new RssParser().parseString(rss);
    expect(feed.title).toBe("Corrections — The Meridian");
    expect(feed.items).toEqual([
      expect.objectContaining({
        title: "Correction: Lake Towns & Ports",
        link: "https://meridian.example/articles/ferry-timetable#note-1e0e3f53-5c1d-4f0e-9b0a-2f7d0f6f1b11",
        guid: "urn:uuid:1e0e3f53-5c1d-4f0e-9b0a-2f7d0f6f1b11",
      }),
    ]);
  });
});

describe("a live story's feed of entries", () => {
  it("puts a live story's newest entries above it in its site-feed item, each linking to it", async () => {
    const live = article({
      liveEntries: [
        {
          id: "9f1c1c2e-3b1a-4d0e-8f6a-0a1b2c3d4e5f",
          title: "Border <reopens>",
          postedAt: new Date("2026-12-01T18:00:00Z"),
          feedBody: ["<p>The crossing reopened.</p>"],
          graphicPhotos: {},
        },
      ],
    });
    const rss = buildRssFeed(input([live]));
    expect(XMLValidator.validate(rss)).toBe(true);
    const html = (await new RssParser().parseString(rss)).items[0]?.["content:encoded"] as string;
    expect(html.startsWith("<section><h2>Latest updates</h2><h3><a href=")).toBe(true);
    expect(html).toContain("#entry-9f1c1c2e-3b1a-4d0e-8f6a-0a1b2c3d4e5f");
    expect(html).toContain("Border &lt;reopens&gt;");
    expect(html.indexOf("The crossing reopened.")).toBeLessThan(html.indexOf("The first paragraph."));
  });

  it("has one valid item per entry, newest first, linking to each on the story, with its writer", async () => {
    const rss = buildLiveEntriesRssFeed({
      site,
      story: { slug: "ceasefire-talks-live", headline: "Ceasefire talks & a deal", dek: "" },
      entries: [
        {
          id: "9f1c1c2e-3b1a-4d0e-8f6a-0a1b2c3d4e5f",
          title: null,
          plainText: "The mediator spoke.",
          feedBody: ["<p>The mediator spoke.</p>"],
          postedAt: new Date("2026-12-01T18:00:00Z"),
          author: { slug: "ines-calloway", name: "Ines Calloway" },
        },
      ],
    });
    expect(XMLValidator.validate(rss)).toBe(true);
    const feed = await new RssParser().parseString(rss);
    expect(feed.title).toBe("Ceasefire talks & a deal — live — The Meridian");
    expect(feed.items).toEqual([
      expect.objectContaining({
        title: "Update, 1 December 2026 at 18:00 UTC",
        link: "https://meridian.example/articles/ceasefire-talks-live#entry-9f1c1c2e-3b1a-4d0e-8f6a-0a1b2c3d4e5f",
        guid: "urn:uuid:9f1c1c2e-3b1a-4d0e-8f6a-0a1b2c3d4e5f",
        creator: "Ines Calloway",
      }),
    ]);
  });
});

describe("building the feeds", () => {
  it("keeps RSS well-formed when a headline closes a CDATA section twice", async () => {
    const headline = "Parsers choke on ]]> and on ]]> again";
    const rss = buildRssFeed(input([article({ headline, dek: "A dek with ]]> in it" })]));
    expect(XMLValidator.validate(rss)).toBe(true);
    const [item] = (await new RssParser().parseString(rss)).items;
    // The word joiner between "]]" and ">" is invisible; the words are the headline's.
    expect(item?.title?.replaceAll("\u2060", "")).toBe(headline);
    expect(item?.contentSnippet).toBe("A dek with ]]> in it");
  });

  it("keeps text that looks like a character reference, such as &nbsp; pasted from a web page, as typed in Atom", () => {
    const typed = "Prices&nbsp;rise &hellip; &lt;b&gt;again&lt;/b&gt; &#60;i&#62; &xxe;";
    const atom = buildAtomFeed(
      input([article({ headline: typed, dek: typed, tags: [{ slug: "prices", name: typed }] })]),
    );
    // XML defines only five entities: a bare "&nbsp;" or "&xxe;" would make the whole feed unreadable.
    expect(atom).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
    expect(XMLValidator.validate(atom)).toBe(true);
    const entry = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@_",
      parseTagValue: false,
      processEntities: true,
    }).parse(atom).feed.entry;
    expect(entry.title["#text"]).toBe(typed);
    expect(entry.summary["#text"]).toBe(typed);
    expect(entry.category[1]["@_label"]).toBe(typed);
  });

  it("keeps a literal &amp; in RSS channel, category, creator and photo text as typed", async () => {
    const typed = "R&amp;D &amp;amp; Q&A &nbsp;";
    const section = { slug: "rd", name: typed, description: typed };
    const photo = {
      caption: typed,
      credit: typed,
      photoId: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
      width: 800,
      height: 600,
      mimeType: "image/jpeg",
      byteSize: 1000,
    };
    const rss = buildRssFeed({
      site,
      channel: sectionChannel(site, section),
      articles: [
        article({
          section,
          tags: [{ slug: "t", name: `${typed} tag` }],
          authors: [{ slug: "a", name: typed }],
          leadPhoto: photo,
        }),
      ],
    });
    const channel = parser.parse(rss).rss.channel;
    expect(channel.title).toBe(`${typed} — The Meridian`);
    expect(channel.description).toBe(typed);
    expect(channel.item.category).toEqual([typed, `${typed} tag`]);
    expect(channel.item["dc:creator"]["#text"]).toBe(typed);
    expect(channel.item["media:content"]["media:description"]["#text"]).toBe(typed);
    expect(channel.item["media:content"]["media:credit"]).toBe(typed);
  });

  it("credits every writer of a two-writer story, in byline order, in RSS, Atom and JSON Feed", async () => {
    const authors = [
      { slug: "olena-kovalenko", name: "Olena Kovalenko" },
      { slug: "newsroom-staff", name: "Newsroom Staff" },
    ];
    const feeds = input([article({ authors })]);
    const rss = buildRssFeed(feeds);
    const atom = buildAtomFeed(feeds);
    expect([XMLValidator.validate(rss), XMLValidator.validate(atom)]).toEqual([true, true]);
    const creators = (parser.parse(rss).rss.channel.item["dc:creator"] as Array<{ "#text": string }>).map(
      (creator) => creator["#text"],
    );
    expect(creators).toEqual(["Olena Kovalenko", "Newsroom Staff"]);
    expect(parser.parse(atom).feed.entry.author).toEqual([
      { name: "Olena Kovalenko", uri: "https://meridian.example/author/olena-kovalenko" },
      { name: "Newsroom Staff", uri: "https://meridian.example/author/newsroom-staff" },
    ]);
    expect(JSON.parse(buildJsonFeed(feeds)).items[0].authors).toEqual([
      { name: "Olena Kovalenko", url: "https://meridian.example/author/olena-kovalenko" },
      { name: "Newsroom Staff", url: "https://meridian.example/author/newsroom-staff" },
    ]);
  });

  it("drops control characters XML cannot carry, such as a vertical tab pasted from a word processor", () => {
    const pasted = article({
      headline: "Turnout\u000b falls\u0000 again",
      dek: "Lower\u0008 still",
      tags: [{ slug: "vote", name: "Vote\u001f" }],
    });
    for (const xml of [buildRssFeed(input([pasted])), buildAtomFeed(input([pasted]))]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toContain("Turnout falls again");
    }
  });

  it("escapes a tag's angle brackets in Atom's category attributes", () => {
    const atom = buildAtomFeed(input([article({ tags: [{ slug: "r-d", name: `R<D & "Labs"` }] })]));
    expect(XMLValidator.validate(atom)).toBe(true);
    const categories = parser.parse(atom).feed.entry.category;
    expect(categories).toContainEqual(expect.objectContaining({ "@_term": "r-d", "@_label": `R<D & "Labs"` }));
  });

  it("dates an empty feed at a fixed time, so its ETag holds until a story arrives", () => {
    expect(feedLastModified([])).toEqual(new Date(0));
    expect(buildRssFeed(input([]))).toBe(buildRssFeed(input([])));
    expect(buildAtomFeed(input([]))).toBe(buildAtomFeed(input([])));
  });

  it("counts a scheduled story as changed when it went live, not when it was last saved", () => {
    const scheduled = article({
      updatedAt: new Date("2026-11-01T12:00:00Z"),
      publishedAt: new Date("2026-11-02T09:00:00Z"),
    });
    expect(feedLastModified([scheduled, article()])).toEqual(new Date("2026-11-20T08:30:00Z"));
    expect(feedLastModified([scheduled])).toEqual(new Date("2026-11-02T09:00:00Z"));
    const [item] = JSON.parse(buildJsonFeed(input([scheduled]))).items;
    expect(item).toMatchObject({
      date_published: "2026-11-02T09:00:00.000Z",
      date_modified: "2026-11-02T09:00:00.000Z",
    });
  });

  it("names a section's feed after the section and the site, and falls back to a description of its own", () => {
    expect(sectionChannel(site, { slug: "conflicts", name: "Conflicts", description: "" })).toEqual({
      title: "Conflicts — The Meridian",
      description: "The latest Conflicts stories from The Meridian.",
      pagePath: "/category/conflicts",
      feedPath: "/category/conflicts/rss.xml",
    });
  });

  it("credits the newsroom for a lead photo with no credit, and leaves out media:content for a described photo", () => {
    const photo = {
      caption: "A ferry",
      alt: "A ferry",
      camera: null,
      credit: null,
      width: 1200,
      height: 800,
      mimeType: "image/webp",
      byteSize: 4096,
    };
    const withFile = buildRssFeed(
      input([article({ leadPhoto: { ...photo, photoId: "3f2504e0-4f89-41d3-9a0c-0305e82c3301" } })]),
    );
    expect(parser.parse(withFile).rss.channel.item["media:content"]["media:credit"]).toBe("The Meridian");
    const described = buildRssFeed(input([article({ leadPhoto: { ...photo, photoId: null } })]));
    expect(described).not.toContain("media:content");
    expect(described).not.toContain("<enclosure");
  });

  it("never makes a graphic lead photo an item's picture in RSS, Atom or JSON Feed, and shows its warning", () => {
    const id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    const graphic = article({
      leadPhoto: {
        caption: "After the shelling",
        alt: "Bodies in a street",
        camera: null,
        credit: null,
        graphicWarning: "This image shows the bodies of soldiers",
        photoId: id,
        width: 1200,
        height: 800,
        mimeType: "image/webp",
        byteSize: 4096,
      },
    });
    const feeds = [buildRssFeed(input([graphic])), buildAtomFeed(input([graphic])), buildJsonFeed(input([graphic]))];
    for (const feed of feeds) {
      expect(feed).not.toContain(`/media/${id}`);
      expect(feed).toContain("This image shows the bodies of soldiers");
    }
    expect(feeds[0]).not.toContain("media:content");
    expect(feeds[0]).not.toContain("<enclosure");
    expect(feeds[1]).not.toContain('rel="enclosure"');
    expect(JSON.parse(feeds[2]!).items[0]).not.toHaveProperty("image");
  });
});
