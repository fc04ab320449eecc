import type { z } from "zod";
import { photoTextSchema } from "./photo-text-form";

/**
 * What a writer typed into a photo's caption and alt text in the story, offered to the library.
 * The same fields and limits as the library's own form; either may be empty, which offers nothing.
 */
export const photoFromStorySchema = photoTextSchema.pick({ id: true, caption: true, altText: true });

export type PhotoFromStoryInput = z.input<typeof photoFromStorySchema>;
