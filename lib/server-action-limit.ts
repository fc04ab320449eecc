/**
 * The most any server action reads before it runs; Next reads that much before anyone is asked who
 * sent it, the anonymous sign-in included, so it is no larger than the largest action needs. That is
 * the story editor's save: the story at MAX_ARTICLE_SOURCE_LENGTH (200,000) characters, at most
 * 4 bytes each in UTF-8 (800 KB); after a conflict the current text again, which the form's previous
 * state carries back (800 KB); a few KB of headline, standfirst and other fields. Photos never go
 * to an action: POST /api/photos takes them, and asks for the session before reading a byte.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 2 * 1024 * 1024;
