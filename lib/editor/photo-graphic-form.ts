import { z } from "zod";
import { PHOTO_TEXT_LIMITS } from "./form-limits";
import { staffLine } from "./staff-text";

const NEEDS_WARNING = "Say what the photo shows, so readers can choose: “This image shows …”.";

/**
 * An editor's "graphic photo" form: the box ticked with the warning readers see, or unticked
 * (the warning is then not kept). Parsed into the warning, or null for a photo readers see as it is.
 */
export const photoGraphicSchema = z
  .object({
    id: z.uuid("This photo is not in the library."),
    graphic: z
      .literal("on", "Tick the box or leave it empty.")
      .optional()
      .transform((ticked) => ticked === "on"),
    graphicWarning: staffLine()
      .trim()
      .max(
        PHOTO_TEXT_LIMITS.graphicWarning,
        `Keep the warning to ${PHOTO_TEXT_LIMITS.graphicWarning} characters or fewer.`,
      )
      .optional()
      .default(""),
  })
  .refine(({ graphic, graphicWarning }) => !graphic || graphicWarning !== "", {
    path: ["graphicWarning"],
    message: NEEDS_WARNING,
  })
  .transform(({ id, graphic, graphicWarning }) => ({ id, graphicWarning: graphic ? graphicWarning : null }));
