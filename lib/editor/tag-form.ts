import { z } from "zod";
import { ARTICLE_LIMITS } from "./article-limits";
import { staffLine } from "./staff-text";

const STALE_FORM = "This form is out of date: reload the page and try again.";

// The same limit as a tag typed in the editor, so a renamed tag can still be typed there.
const tagName = staffLine()
  .trim()
  .min(1, "Enter a name for the tag.")
  .max(ARTICLE_LIMITS.tag, `Keep the tag name to ${ARTICLE_LIMITS.tag} characters or fewer.`);
const tagId = z.uuid(STALE_FORM);

export const createTagSchema = z.object({ name: tagName });
export const renameTagSchema = z.object({ id: tagId, name: tagName });
export const mergeTagsSchema = z.object({
  sourceId: z.uuid("Choose the tag to merge."),
  targetId: z.uuid("Choose the tag to merge it into."),
});
export const deleteTagSchema = z.object({ id: tagId });

/** Merging and deleting remove a row of the table, so their outcome is told at the top of the page. */
export type TagNotice = { notice: "merged"; tag: string; into: string } | { notice: "deleted"; tag: string };
