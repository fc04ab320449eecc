import slugify from "@sindresorhus/slugify";

// What every function below produces: runs of lower-case letters and digits joined by single hyphens.
const SLUG_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Whether an address segment could name anything at all. A reader's URL may hold
 * anything, a NUL included, which PostgreSQL refuses as text; such a segment is a
 * 404 without asking the database.
 */
export function isSlug(segment: string): boolean {
  return SLUG_SHAPE.test(segment);
}

/** `Conflicts` → `conflicts`, `Middle East` → `middle-east`. */
export function sectionSlug(name: string): string {
  return slugify(name);
}

export function tagSlug(name: string): string {
  return slugify(name);
}

export function authorSlug(name: string): string {
  return slugify(name);
}

const MAX_ARTICLE_SLUG_LENGTH = 80;

/** An article's slug comes from its headline, cut at a word boundary so URLs stay readable. */
export function articleSlug(headline: string): string {
  const slug = slugify(headline);
  if (slug.length <= MAX_ARTICLE_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_ARTICLE_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_ARTICLE_SLUG_LENGTH);
}
