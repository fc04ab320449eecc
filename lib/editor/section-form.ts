import { z } from "zod";
import { SECTION_LIMITS } from "./form-limits";
import { staffLine, staffText } from "./staff-text";

const STALE_FORM = "This form is out of date: reload the page and try again.";

const sectionFields = {
  name: staffLine()
    .trim()
    .min(1, "Enter a name for the section.")
    .max(SECTION_LIMITS.name, `Keep the section name to ${SECTION_LIMITS.name} characters or fewer.`),
  description: staffText()
    .trim()
    .max(SECTION_LIMITS.description, `Keep the description to ${SECTION_LIMITS.description} characters or fewer.`),
  // A checkbox: sent as "on" when ticked, not sent at all when not.
  showsAgeNotice: z
    .literal("on", "Tick the box or leave it empty.")
    .optional()
    .transform((ticked) => ticked === "on"),
};

export const createSectionSchema = z.object(sectionFields);
export const updateSectionSchema = z.object({ id: z.uuid(STALE_FORM), ...sectionFields });
export const moveSectionSchema = z.object({
  id: z.uuid(STALE_FORM),
  direction: z.enum(["up", "down"], STALE_FORM),
});
