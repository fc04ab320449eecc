/**
 * What reader pages and documents are made of, as cache tags: every cached page and document is
 * tagged with what it shows, and every staff write returns the tags of what it changed, so one
 * publish expires its story, its section, its tags, its writers, the front page, the feeds and the
 * sitemaps, and nothing else. Next keeps the tags with each entry in the shared cache
 * (lib/shared-cache), so an expiry on one server holds on every server.
 */
export const readerTags = {
  /** Everything that shows this story's own text: its page, and the cards of it in lists. */
  article: (id: string) => `story:${id}` as const,
  /** The story's address, tagged before the story is looked up, so a cached "not found" expires too. */
  articleAddress: (slug: string) => `story-address:${slug}` as const,
  /** A section's pages and its feed. */
  section: (slug: string) => `section:${slug}` as const,
  /** A tag's pages and its feed. */
  tag: (slug: string) => `tag:${slug}` as const,
  /** A writer's pages. */
  author: (slug: string) => `author:${slug}` as const,
  /** The front page. */
  front: "front",
  /** The corrections page and its feed. */
  corrections: "corrections",
  /** The site's own feeds (RSS, Atom, JSON Feed). */
  feeds: "feeds",
  /** The sitemaps, the Google News sitemap included. */
  sitemaps: "sitemaps",
  /** Search results, which each server keeps briefly (lib/search-results). */
  search: "search",
  /** The sections' names and order, in the navigation on every reader page. */
  navigation: "navigation",
} as const;

type TagBuilders = typeof readerTags;
export type ReaderTag = {
  [Name in keyof TagBuilders]: TagBuilders[Name] extends (...args: never[]) => infer Tag ? Tag : TagBuilders[Name];
}[keyof TagBuilders];

/** The tags a change to a public story touches: its page and every list, feed and sitemap it is in. */
export function publicArticleTags(article: {
  id: string;
  slug: string;
  sectionSlug: string;
  tagSlugs: readonly string[];
  authorSlugs: readonly string[];
}): ReaderTag[] {
  return [
    readerTags.article(article.id),
    readerTags.articleAddress(article.slug),
    readerTags.section(article.sectionSlug),
    ...article.tagSlugs.map(readerTags.tag),
    ...article.authorSlugs.map(readerTags.author),
    readerTags.front,
    readerTags.feeds,
    readerTags.sitemaps,
    readerTags.search,
    // The corrections page and feed name corrected stories: a retitled or withdrawn one changes them.
    readerTags.corrections,
  ];
}
