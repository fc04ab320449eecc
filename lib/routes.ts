import type { PhotoWidth } from "@/lib/media/photo-url";

/**
 * The site's public addresses, in one place: readers' bookmarks, search engines and feed readers
 * depend on them (DESIGN.md, "Public URLs"). Pages, feeds, sitemaps and structured data build every
 * link here. next.config.ts imports this module too, so it imports nothing at run time.
 */

/** A slug or cursor as one path segment: one from a reader's URL may hold anything, "/" and "?" too. */
const segment = (value: string) => encodeURIComponent(value);

/** The three lists of stories a reader can browse, each newest first with keyset pages. */
export type ListingKind = "section" | "tag" | "author";

// Sections live at /category: readers and search engines know the address by that name.
const LISTING_ROOTS = { section: "/category", tag: "/tag", author: "/author" } as const;

function listing(kind: ListingKind, slug: string, before?: string): string {
  const first = `${LISTING_ROOTS[kind]}/${segment(slug)}`;
  return before === undefined ? first : `${first}/before/${segment(before)}`;
}

function article(slug: string): string {
  return `/articles/${segment(slug)}`;
}

export const routes = {
  /** The front page. */
  front: "/",
  article,
  /** A live story's poll: how many entries are newer than `?after={entry}`. */
  articleLivePoll: (slug: string) => `${article(slug)}/live`,
  /** A live story's entries as RSS, for readers and partners who follow one event. */
  articleLiveFeed: (slug: string) => `${article(slug)}/live.xml`,
  /** The card drawn for a story shared without a lead photo. */
  articleSocialCard: (slug: string) => `${article(slug)}/opengraph-image`,
  /** A list's first page, or with `before` (a story id) the page of stories published before it. */
  listing,
  section: (slug: string, before?: string) => listing("section", slug, before),
  tag: (slug: string, before?: string) => listing("tag", slug, before),
  author: (slug: string, before?: string) => listing("author", slug, before),
  /** What a list's slugs hang under: a term plus this scheme makes the list's address (Atom categories). */
  listingScheme: (kind: ListingKind) => `${LISTING_ROOTS[kind]}/`,
  sectionFeed: (slug: string) => `${listing("section", slug)}/rss.xml`,
  tagFeed: (slug: string) => `${listing("tag", slug)}/rss.xml`,
  /** Every correction and clarification, newest first; with `before` (a note id), the older ones. */
  corrections: (before?: string) => (before === undefined ? "/corrections" : `/corrections/before/${segment(before)}`),
  correctionsFeed: "/corrections/rss.xml",
  authorFeed: (slug: string) => `${listing("author", slug)}/rss.xml`,
  /** Every public story on the site, in each format. */
  siteFeeds: { rss: "/rss.xml", atom: "/atom.xml", json: "/feed.json" },
  /** The search page; with a query, its results. */
  search: (query?: string) => (query === undefined ? "/search" : `/search?q=${encodeURIComponent(query)}`),
  sitemap: "/sitemap.xml",
  /** One file of a sitemap too large for one, counted from 1. */
  sitemapFile: (page: number) => `/sitemaps/${page}.xml`,
  newsSitemap: "/news-sitemap.xml",
  /** A library photo: the cleaned original, or one published width. */
  photo: (id: string, width?: PhotoWidth) =>
    width === undefined ? `/media/${segment(id)}` : `/media/${segment(id)}/${width}`,
} as const;

/**
 * Where `/` is rendered. A page with a parameter is rendered on its first request and then
 * cached; a page without one would be prerendered by `next build`, which must not open the
 * database. next.config.ts rewrites `/` to this route.
 */
export const FRONT_PAGE_EDITION = "today";
export const FRONT_PAGE_REWRITE = `/front-page/${FRONT_PAGE_EDITION}`;
