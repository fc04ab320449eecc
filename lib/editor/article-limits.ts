/**
 * The editor's field limits, apart from the schemas that enforce them: the browser's editor shows
 * them as counters, and importing them from here keeps zod out of its bundle.
 */
export const ARTICLE_LIMITS = {
  headline: 200,
  dek: 400,
  tag: 60,
  tags: 20,
  bylines: 10,
  slug: 80,
  seoTitle: 120,
  seoDescription: 300,
} as const;
