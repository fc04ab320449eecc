/** Shared with the editor's form so both sides give the same limit in the same words. */
export const MAX_ARTICLE_SOURCE_LENGTH = 200_000;

/**
 * How deep quotes, lists, asides, emphasis and links may sit inside one another. Real
 * stories stay under ten; past this the parser slows with every level, and some
 * thousands of levels overflow the stack.
 */
export const MAX_NESTING_DEPTH = 32;

/**
 * How many marks that may close something (`*`, `_`, `~` after a word, and `]`) one
 * paragraph may hold. The parser looks back across the whole paragraph for each, so
 * its time grows with the square of their number: twenty thousand took 26 seconds.
 * Real paragraphs hold a few dozen; a long list's items each count on their own.
 */
export const MAX_CLOSING_MARKS_PER_PARAGRAPH = 200;

/**
 * How many table cells one story may hold, all its tables together. Each cell costs the
 * compiler about as much as a sentence of prose: a 200 KB table of short cells took 30
 * seconds to compile. Results for all 650 UK constituencies, five columns each, fit.
 */
export const MAX_TABLE_CELLS = 5_000;
