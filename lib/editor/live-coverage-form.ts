import { z } from "zod";
import { MAX_ARTICLE_SOURCE_LENGTH } from "@/lib/mdx/limits";
import { LIVE_ENTRY_LIMITS } from "./form-limits";
import { staffLine, staffText } from "./staff-text";

const STALE_FORM = "This form is out of date: reload the page and try again.";

const checkbox = z
  .literal("on", "Tick the box or leave it empty.")
  .optional()
  .transform((ticked) => ticked === "on");

const entryFields = {
  title: staffLine()
    .trim()
    .max(LIVE_ENTRY_LIMITS.title, `Keep the title to ${LIVE_ENTRY_LIMITS.title} characters or fewer.`)
    .optional()
    .default(""),
  bodyMdx: staffText()
    .trim()
    .min(1, "Write the update before posting it.")
    .max(MAX_ARTICLE_SOURCE_LENGTH, "The update is longer than a whole story may be."),
};

export const startLiveCoverageSchema = z.object({ articleId: z.uuid(STALE_FORM), entriesNeedReview: checkbox });
export const endLiveCoverageSchema = z.object({ articleId: z.uuid(STALE_FORM) });
export const postLiveEntrySchema = z.object({ articleId: z.uuid(STALE_FORM), ...entryFields });
export const editLiveEntrySchema = z.object({
  entryId: z.uuid(STALE_FORM),
  expectedVersion: z.coerce.number().int().min(1, STALE_FORM),
  ...entryFields,
});
export const liveEntrySchema = z.object({ entryId: z.uuid(STALE_FORM) });
export const pinLiveEntrySchema = z.object({ entryId: z.uuid(STALE_FORM), pinned: z.enum(["yes", "no"], STALE_FORM) });
