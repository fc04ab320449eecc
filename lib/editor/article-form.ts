import { z } from "zod";
import { MAX_ARTICLE_SOURCE_LENGTH } from "@/lib/mdx/limits";

export const ARTICLE_LIMITS = { headline: 200, dek: 400, tag: 60, tags: 20, seoTitle: 120, seoDescription: 300 } as const;

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} is limited to ${max} characters.`).optional().default("");

/** The editor's form, as strings from FormData, into what the data-access layer takes. */
export const articleFormSchema = z.object({
  id: z.uuid().optional().or(z.literal("").transform(() => undefined)),
  expectedVersion: z.coerce.number().int().min(1).optional().or(z.literal("").transform(() => undefined)),
  headline: z.string().trim().min(1, "Write a headline.").max(ARTICLE_LIMITS.headline, `Headlines are limited to ${ARTICLE_LIMITS.headline} characters.`),
  dek: optionalText(ARTICLE_LIMITS.dek, "The standfirst"),
  sectionId: z.uuid("Choose a section."),
  slug: z
    .string()
    .trim()
    .regex(/^([a-z0-9]+(?:-[a-z0-9]+)*)?$/, "Use lower-case letters, digits and single hyphens in the address.")
    .max(80)
    .optional()
    .default(""),
  tags: z
    .string()
    .optional()
    .default("")
    .transform((value) => [...new Set(value.split(",").map((tag) => tag.trim()).filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(ARTICLE_LIMITS.tag, `Tags are limited to ${ARTICLE_LIMITS.tag} characters.`))
        .max(ARTICLE_LIMITS.tags, `Use at most ${ARTICLE_LIMITS.tags} tags.`),
    ),
  seoTitle: optionalText(ARTICLE_LIMITS.seoTitle, "The search-engine title"),
  seoDescription: optionalText(ARTICLE_LIMITS.seoDescription, "The search-engine description"),
  bodyMdx: z
    .string()
    .min(1, "Write the story before saving.")
    .max(MAX_ARTICLE_SOURCE_LENGTH, `The story is limited to ${MAX_ARTICLE_SOURCE_LENGTH.toLocaleString("en-GB")} characters.`),
  heroMediaId: z.uuid().optional().or(z.literal("").transform(() => undefined)),
  intent: z.enum(["save", "publish", "schedule", "unpublish"]).default("save"),
  publishAt: z.string().optional().default(""),
});

export type ArticleForm = z.infer<typeof articleFormSchema>;
