/**
 * The staff forms' field limits, apart from the schemas that enforce them (as article-limits.ts is
 * for the story editor): the browser shows them on its fields, and importing them from here keeps
 * zod out of its bundle.
 */
export const SECTION_LIMITS = { name: 80, description: 500 } as const;

export const STAFF_LIMITS = { name: 120, email: 320 } as const;

export const PHOTO_TEXT_LIMITS = { altText: 300, caption: 1000, credit: 200, graphicWarning: 200 } as const;

/** An editor's note returning a story to its writer: room for a few paragraphs of what to change. */
export const REVIEW_LIMITS = { note: 2000 } as const;

/** A correction, clarification or update note on a published story: a paragraph, as newspapers print them. */
export const ARTICLE_NOTE_LIMITS = { body: 1500 } as const;

/** A live entry's optional title: a short headline for "Key events". */
export const LIVE_ENTRY_LIMITS = { title: 160 } as const;
