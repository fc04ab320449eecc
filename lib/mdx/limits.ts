/** Shared with the editor's form so both sides give the same limit in the same words. */
export const MAX_ARTICLE_SOURCE_LENGTH = 200_000;
