import { z } from "zod";

const STALE_FORM = "This form is out of date: reload the page and try again.";

export const pinStorySchema = z.object({
  articleId: z.uuid("Choose a story to pin."),
  place: z.enum(["lead", "top"], STALE_FORM),
});

export const unpinStorySchema = z.object({ articleId: z.uuid(STALE_FORM) });

export const moveStorySchema = z.object({
  articleId: z.uuid(STALE_FORM),
  direction: z.enum(["up", "down"], STALE_FORM),
});
