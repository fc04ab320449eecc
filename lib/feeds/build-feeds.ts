import { Feed, type Extension, type Item } from "feed";
import { create } from "xmlbuilder2";
import { NOTE_LABELS, noteAnchor, type NoteKind } from "@/lib/article-notes";
import { entryAnchor } from "@/lib/live-coverage";
import { formatNewsroomDateTime } from "@/lib/newsroom-time";
import { routes } from "@/lib/routes";
import { FEED_PHOTO_WIDTH, feedItemHtml, type FeedBody, type FeedPhoto } from "@/lib/mdx/feed-html";

export type FeedSite = {
  name: string;
  description: string;
  language: string;
  url: string;
  logoPath: string;
  /** The newsroom's zone, for the dates a note says it was made. */
  timeZone: string;
};

/** A correction, clarification or update, shown first in the story's feed item so a subscriber sees what changed. */
export type FeedNote = { id: string; kind: NoteKind; body: string; notedAt: Date };

/** What one feed is about: its title, and where its page and the feed itself live. */
export type FeedChannel = { title: string; description: string; pagePath: string; feedPath: string };

/** A lead photo with what a feed must say about its stored original: type and size in bytes. */
export type FeedLeadPhoto = FeedPhoto & { mimeType: string | null; byteSize: number | null };

export type FeedArticle = {
  id: string;
  slug: string;
  headline: string;
  dek: string;
  /** The body's feed HTML as built at save; null for a story whose model was never built. */
  feedBody: FeedBody | null;
  publishedAt: Date;
  updatedAt: Date;
  section: { slug: string; name: string };
  /** In byline order. */
  authors: Array<{ slug: string; name: string }>;
  tags: Array<{ slug: string; name: string }>;
  leadPhoto: FeedLeadPhoto | null;
  /** The body's graphic photos, by id, with their warnings: shown as the warning, never the image. */
  graphicPhotos?: Record<string, string>;
  /** Its notes, oldest first. */
  notes?: FeedNote[];
  /** A live story's newest entries, newest first: shown above the story so a subscriber sees the news. */
  liveEntries?: Array<{
    id: string;
    title: string | null;
    postedAt: Date;
    feedBody: FeedBody | null;
    graphicPhotos: Record<string, string>;
    /** Its corrections and clarifications, oldest first. */
    notes?: FeedNote[];
  }>;
};

export type FeedInput = { site: FeedSite; channel: FeedChannel; articles: FeedArticle[] };

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";
const ATOM_NS = "http://www.w3.org/2005/Atom";
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const DUBLIN_CORE_NS = "http://purl.org/dc/elements/1.1/";
const MEDIA_RSS_NS = "http://search.yahoo.com/mrss/";

export function siteChannel(site: FeedSite, feedPath: string): FeedChannel {
  return { title: site.name, description: site.description, pagePath: routes.front, feedPath };
}

export function sectionChannel(
  site: FeedSite,
  section: { slug: string; name: string; description: string },
): FeedChannel {
  return {
    title: `${section.name} — ${site.name}`,
    description: section.description || `The latest ${section.name} stories from ${site.name}.`,
    pagePath: routes.section(section.slug),
    feedPath: routes.sectionFeed(section.slug),
  };
}

export function authorChannel(site: FeedSite, author: { slug: string; name: string }): FeedChannel {
  return {
    title: `${author.name} — ${site.name}`,
    description: `Stories by ${author.name} from ${site.name}.`,
    pagePath: routes.author(author.slug),
    feedPath: routes.authorFeed(author.slug),
  };
}

export function tagChannel(site: FeedSite, tag: { slug: string; name: string }): FeedChannel {
  return {
    title: `${tag.name} — ${site.name}`,
    description: `Stories about ${tag.name} from ${site.name}.`,
    pagePath: routes.tag(tag.slug),
    feedPath: routes.tagFeed(tag.slug),
  };
}

const absolute = (site: FeedSite, path: string) => new URL(path, site.url).href;

const articleUrl = (site: FeedSite, article: FeedArticle) => absolute(site, routes.article(article.slug));

/** Stable across headline and slug edits, so a subscriber never sees an edited story twice. */
const articleGuid = (article: FeedArticle) => `urn:uuid:${article.id}`;

/** A scheduled story was last saved before it went live: for its readers it changed when it appeared. */
function lastChanged(article: FeedArticle): Date {
  return article.publishedAt > article.updatedAt ? article.publishedAt : article.updatedAt;
}

/**
 * When the feed last changed. An empty feed gets a fixed date rather than
 * "now", so its body, and with it the ETag, stays the same until a story arrives.
 */
export function feedLastModified(articles: FeedArticle[]): Date {
  return newestOf(articles.map(lastChanged));
}

/** The latest of some times; with none, a fixed date, so an empty feed's ETag holds until something arrives. */
const newestOf = (times: Date[]) => new Date(Math.max(0, ...times.map((time) => time.getTime())));

function topicNames(article: FeedArticle): string[] {
  return [...new Set([article.section.name, ...article.tags.map((tag) => tag.name)])];
}

/** Notes, newest first, each a paragraph naming its kind and date, linking to it on the story. */
function notesHtml(site: FeedSite, storyUrl: string, notes: readonly FeedNote[] = []): string {
  return [...notes]
    .reverse()
    .map((note) => {
      const href = escapeHtml(`${storyUrl}#${noteAnchor(note.id)}`);
      const when = escapeHtml(formatNewsroomDateTime(note.notedAt, site.timeZone));
      const label = `<a href="${href}">${NOTE_LABELS[note.kind]}, ${when}</a>`;
      return `<p><strong>${label}:</strong> ${escapeHtml(xmlText(note.body))}</p>`;
    })
    .join("");
}

function contentHtml(site: FeedSite, article: FeedArticle): string {
  const body = feedItemHtml(article.feedBody, site.url, {
    leadPhoto: article.leadPhoto,
    graphicPhotos: article.graphicPhotos,
    storyUrl: articleUrl(site, article),
  });
  return notesHtml(site, articleUrl(site, article), article.notes) + liveEntriesHtml(site, article) + body;
}

/** A live story's newest entries, each headed by its time (linking to it on the story) and its title. */
function liveEntriesHtml(site: FeedSite, article: FeedArticle): string {
  const entries = article.liveEntries ?? [];
  if (entries.length === 0) return "";
  const storyUrl = articleUrl(site, article);
  const items = entries.map((entry) => {
    const href = escapeHtml(`${storyUrl}#${entryAnchor(entry.id)}`);
    const when = escapeHtml(formatNewsroomDateTime(entry.postedAt, site.timeZone));
    const title = entry.title ? ` ${escapeHtml(xmlText(entry.title))}` : "";
    const body = feedItemHtml(entry.feedBody, site.url, {
      leadPhoto: null,
      graphicPhotos: entry.graphicPhotos,
      storyUrl,
    });
    return `<h3><a href="${href}">${when}</a>${title}</h3>${notesHtml(site, storyUrl, entry.notes)}${body}`;
  });
  return `<section><h2>Latest updates</h2>${items.join("")}</section>`;
}

/**
 * The stored original of a lead photo, when the newsroom has the file and knows its type and size;
 * never a graphic one, which a feed reader would show unasked as the item's picture.
 */
function photoFile(site: FeedSite, photo: FeedLeadPhoto | null) {
  if (!photo?.photoId || !photo.mimeType || photo.byteSize === null || photo.graphicWarning) return null;
  return {
    url: absolute(site, routes.photo(photo.photoId)),
    type: photo.mimeType,
    length: photo.byteSize,
    width: photo.width ?? undefined,
    height: photo.height ?? undefined,
  };
}

// XML 1.0 forbids most control characters outright, even as references; text pasted
// from word processors carries them (a vertical tab for a line break), and one would
// make the whole feed unreadable.
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlText(value: string): string {
  return value.replace(XML_FORBIDDEN, "");
}

/**
 * Text for the XML writers, which both avoid escaping twice: xmlbuilder2 (Atom) leaves an
 * "&" alone where it already begins a reference, and the feed package's writer (RSS) turns
 * every "&amp;" back into "&" before escaping. Text typed as "&nbsp;" would reach the Atom
 * feed as an entity XML does not define (the whole feed stops parsing), "&lt;b&gt;" would
 * read back as "<b>", and "R&amp;D" in an RSS category as "R&D". Every "&" written as "&amp;"
 * first survives both as the one character it is, so the text reads back exactly as typed.
 */
function writerText(value: string): string {
  return xmlText(value).replaceAll("&", "&amp;");
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// The feed package writes titles, descriptions and content as CDATA, and its XML writer
// splits only the first "]]>" out of a section; a second one would end it early. In
// HTML, "&gt;" is the same character; in plain text an invisible word joiner breaks the sequence.
const htmlForCdata = (html: string) => xmlText(html).replaceAll("]]>", "]]&gt;");
const plainTextForCdata = (text: string) => xmlText(text).replaceAll("]]>", "]]\u2060>");

// Each extension declares its own namespace: the feed package offers no way to add one
// to the root, and declares Dublin Core there only as a side effect of content:encoded.
// One creator per writer, as Dublin Core repeats an element rather than joining names into one;
// the package keeps one extension per name, so the creators go in as one list, which its XML
// writer (xml-js) repeats as elements though the package's type names only an object.
function creatorExtension(article: FeedArticle): Extension {
  const creators = article.authors.map((author) => ({
    _attributes: { "xmlns:dc": DUBLIN_CORE_NS },
    _text: writerText(author.name),
  }));
  return { name: "dc:creator", objects: creators as unknown as Extension["objects"] };
}

/** Media RSS for a lead photo with a file: readers show it beside the headline, with its caption and credit. */
function mediaExtensions(site: FeedSite, photo: FeedLeadPhoto | null): Extension[] {
  const file = photoFile(site, photo);
  if (!photo || !file) return [];
  return [
    {
      name: "media:content",
      objects: {
        _attributes: {
          "xmlns:media": MEDIA_RSS_NS,
          url: file.url,
          type: file.type,
          fileSize: file.length,
          medium: "image",
          width: file.width,
          height: file.height,
        },
        "media:description": { _attributes: { type: "plain" }, _text: writerText(photo.caption) },
        "media:credit": { _text: writerText(photo.credit || site.name) },
      },
    },
  ];
}

function rssItem(site: FeedSite, article: FeedArticle): Item {
  const file = photoFile(site, article.leadPhoto);
  return {
    title: plainTextForCdata(article.headline),
    link: articleUrl(site, article),
    guid: articleGuid(article),
    date: lastChanged(article),
    published: article.publishedAt,
    // A description is read as HTML, so the standfirst's own "<" and "&" are escaped as text.
    description: escapeHtml(xmlText(article.dek)),
    content: htmlForCdata(contentHtml(site, article)),
    category: topicNames(article).map((name) => ({ name: writerText(name) })),
    enclosure: file ? { url: file.url, type: file.type, length: file.length } : undefined,
    // RSS's own <author> must be an email address; staff addresses stay private.
    extensions: [creatorExtension(article), ...mediaExtensions(site, article.leadPhoto)],
  };
}

/** An RSS channel of the site's: every feed of stories, corrections or live entries opens the same way. */
function rssChannel(site: FeedSite, channel: FeedChannel, updated: Date): Feed {
  return new Feed({
    title: writerText(channel.title),
    description: writerText(channel.description),
    id: absolute(site, channel.pagePath),
    link: absolute(site, channel.pagePath),
    feed: absolute(site, channel.feedPath),
    language: site.language,
    image: absolute(site, site.logoPath),
    updated,
    generator: false,
  });
}

/** RSS 2.0 with content:encoded, Dublin Core creators and Media RSS lead photos. */
export function buildRssFeed({ site, channel, articles }: FeedInput): string {
  const feed = rssChannel(site, channel, feedLastModified(articles));
  for (const article of articles) feed.addItem(rssItem(site, article));
  return feed.rss2();
}

/**
 * Atom 1.0, written with xmlbuilder2 rather than the feed package: its Atom writer
 * leaves "<" unescaped in category attributes (a tag named "R<D" breaks the feed),
 * guesses an enclosure's type from a file extension our photo addresses do not
 * have, and marks plain-text titles as HTML.
 */
export function buildAtomFeed({ site, channel, articles }: FeedInput): string {
  const feed = create({ version: "1.0", encoding: "utf-8" })
    .ele(ATOM_NS, "feed")
    .att(XML_NS, "xml:lang", site.language);
  feed.ele("id").txt(writerText(absolute(site, channel.pagePath)));
  feed.ele("title", { type: "text" }).txt(writerText(channel.title));
  feed.ele("subtitle", { type: "text" }).txt(writerText(channel.description));
  feed.ele("updated").txt(feedLastModified(articles).toISOString());
  feed.ele("link", { rel: "alternate", type: "text/html", href: writerText(absolute(site, channel.pagePath)) });
  feed.ele("link", { rel: "self", type: "application/atom+xml", href: writerText(absolute(site, channel.feedPath)) });
  feed.ele("icon").txt(writerText(absolute(site, site.logoPath)));

  for (const article of articles) {
    const entry = feed.ele("entry");
    entry.ele("id").txt(writerText(articleGuid(article)));
    entry.ele("title", { type: "text" }).txt(writerText(article.headline));
    entry.ele("link", { rel: "alternate", type: "text/html", href: writerText(articleUrl(site, article)) });
    entry.ele("published").txt(article.publishedAt.toISOString());
    entry.ele("updated").txt(lastChanged(article).toISOString());
    for (const writer of article.authors) {
      const author = entry.ele("author");
      author.ele("name").txt(writerText(writer.name));
      author.ele("uri").txt(writerText(absolute(site, routes.author(writer.slug))));
    }
    // term and scheme together make the listing's address, so a reader can tell a section from a tag.
    entry.ele("category", {
      term: writerText(article.section.slug),
      label: writerText(article.section.name),
      scheme: writerText(absolute(site, routes.listingScheme("section"))),
    });
    for (const tag of article.tags) {
      entry.ele("category", {
        term: writerText(tag.slug),
        label: writerText(tag.name),
        scheme: writerText(absolute(site, routes.listingScheme("tag"))),
      });
    }
    if (article.dek) entry.ele("summary", { type: "text" }).txt(writerText(article.dek));
    entry.ele("content", { type: "html" }).txt(writerText(contentHtml(site, article)));
    const file = photoFile(site, article.leadPhoto);
    if (file)
      entry.ele("link", {
        rel: "enclosure",
        type: writerText(file.type),
        length: String(file.length),
        href: writerText(file.url),
      });
  }
  return feed.end({ prettyPrint: true });
}

type JsonFeedItem = {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary?: string;
  image?: string;
  date_published: string;
  date_modified: string;
  authors: Array<{ name: string; url: string }>;
  tags: string[];
};

type JsonFeed = {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  icon: string;
  language: string;
  items: JsonFeedItem[];
};

function jsonFeedItem(site: FeedSite, article: FeedArticle): JsonFeedItem {
  const photoId = article.leadPhoto?.graphicWarning ? null : article.leadPhoto?.photoId;
  return {
    id: articleGuid(article),
    url: articleUrl(site, article),
    title: article.headline,
    content_html: contentHtml(site, article),
    ...(article.dek ? { summary: article.dek } : {}),
    ...(photoId ? { image: absolute(site, routes.photo(photoId, FEED_PHOTO_WIDTH)) } : {}),
    date_published: article.publishedAt.toISOString(),
    date_modified: lastChanged(article).toISOString(),
    authors: article.authors.map((author) => ({ name: author.name, url: absolute(site, routes.author(author.slug)) })),
    tags: topicNames(article),
  };
}

/** JSON Feed 1.1, serialised directly: the feed package writes only version 1 (a single `author`). */
export function buildJsonFeed({ site, channel, articles }: FeedInput): string {
  const feed: JsonFeed = {
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: absolute(site, channel.pagePath),
    feed_url: absolute(site, channel.feedPath),
    description: channel.description,
    icon: absolute(site, site.logoPath),
    language: site.language,
    items: articles.map((article) => jsonFeedItem(site, article)),
  };
  return JSON.stringify(feed, null, 2);
}

/** One correction or clarification, for the corrections feed. */
export type FeedCorrection = FeedNote & { story: { slug: string; headline: string } };

export function correctionsChannel(site: FeedSite): FeedChannel {
  return {
    title: `Corrections — ${site.name}`,
    description: `Every correction and clarification ${site.name} has made to its published stories.`,
    pagePath: routes.corrections(),
    feedPath: routes.correctionsFeed,
  };
}

/** When the corrections feed last changed; a fixed date while it is empty, so its ETag holds. */
export const correctionsLastModified = (corrections: FeedCorrection[]) =>
  newestOf(corrections.map((note) => note.notedAt));

/** RSS 2.0 of the corrections page: one item per note, linking to it on its story, newest first. */
export function buildCorrectionsRssFeed({ site, corrections }: { site: FeedSite; corrections: FeedCorrection[] }) {
  const feed = rssChannel(site, correctionsChannel(site), correctionsLastModified(corrections));
  for (const note of corrections) {
    const storyUrl = absolute(site, routes.article(note.story.slug));
    feed.addItem({
      title: plainTextForCdata(`${NOTE_LABELS[note.kind]}: ${note.story.headline}`),
      link: `${storyUrl}#${noteAnchor(note.id)}`,
      guid: `urn:uuid:${note.id}`,
      date: note.notedAt,
      description: escapeHtml(xmlText(note.body)),
    });
  }
  return feed.rss2();
}

/** A live story's entry, for its feed of entries. */
export type FeedLiveEntry = {
  id: string;
  title: string | null;
  plainText: string;
  feedBody: FeedBody | null;
  postedAt: Date;
  /** When its text last changed, if later than it was posted. */
  updatedAt?: Date;
  author: { slug: string; name: string };
  /** Its corrections and clarifications, oldest first: shown first, so a subscriber sees what changed. */
  notes?: FeedNote[];
};

/** The newest entry's time (or edit, or note on one), or a fixed date while there is none, so the ETag holds. */
export const liveFeedLastModified = (entries: FeedLiveEntry[]) =>
  newestOf(
    entries.flatMap((entry) => [
      entry.postedAt,
      ...(entry.updatedAt ? [entry.updatedAt] : []),
      ...(entry.notes ?? []).map((note) => note.notedAt),
    ]),
  );

/** RSS 2.0 of one live story: an item per entry, newest first, each linking to it on the story. */
export function buildLiveEntriesRssFeed({
  site,
  story,
  entries,
  graphicPhotos = {},
}: {
  site: FeedSite;
  story: { slug: string; headline: string; dek: string };
  entries: FeedLiveEntry[];
  /** The entries' graphic photos, by id, with their warnings: shown as the warning, never the image. */
  graphicPhotos?: Record<string, string>;
}) {
  const storyUrl = absolute(site, routes.article(story.slug));
  const channel = {
    title: `${story.headline} — live — ${site.name}`,
    description: story.dek || `Live coverage from ${site.name}.`,
    pagePath: routes.article(story.slug),
    feedPath: routes.articleLiveFeed(story.slug),
  };
  const feed = rssChannel(site, channel, liveFeedLastModified(entries));
  for (const entry of entries) {
    const when = formatNewsroomDateTime(entry.postedAt, site.timeZone);
    feed.addItem({
      title: plainTextForCdata(entry.title ?? `Update, ${when}`),
      link: `${storyUrl}#${entryAnchor(entry.id)}`,
      guid: `urn:uuid:${entry.id}`,
      date: entry.postedAt,
      description: escapeHtml(xmlText(entry.plainText.slice(0, 300))),
      content: htmlForCdata(
        notesHtml(site, storyUrl, entry.notes) +
          feedItemHtml(entry.feedBody, site.url, { leadPhoto: null, graphicPhotos, storyUrl }),
      ),
      extensions: [
        {
          name: "dc:creator",
          objects: { _attributes: { "xmlns:dc": DUBLIN_CORE_NS }, _text: writerText(entry.author.name) },
        },
      ],
    });
  }
  return feed.rss2();
}
