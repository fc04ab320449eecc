import { z } from "zod";
import { ENTRY_NOTE_KINDS } from "@/lib/article-notes";
import { ARTICLE_LIMITS } from "@/lib/editor/article-limits";
import { ARTICLE_NOTE_LIMITS, LIVE_ENTRY_LIMITS } from "@/lib/editor/form-limits";
import { authorSlug, isSlug } from "@/lib/slugs";

/**
 * The front matter of an article file in `content/`. The importer writes it,
 * the seed reads it: one schema keeps the two in step.
 */
const photoSchema = z.object({
  caption: z.string().trim().min(1, "a photo needs a caption"),
  alt: z.string().trim().min(1).optional(),
  camera: z.string().trim().min(1).optional(),
  credit: z.string().trim().min(1).optional(),
});

const writerName = z.string().trim().min(1).max(120);

const publishedSchema = z.union([
  z.iso.date(),
  z.iso.datetime({ offset: true }),
]);

/** A correction, clarification or update the story carries, with when the newsroom made it. */
const noteSchema = z.object({
  kind: z.enum(["correction", "clarification", "update"]),
  text: z.string().trim().min(1).max(ARTICLE_NOTE_LIMITS.body),
  at: z.iso.datetime({ offset: true }),
});

/**
 * One entry of live coverage: its time, writer, MDX body (checked like a story's), whether it is a
 * key event, and its corrections (news since goes in a later entry, not in a note on this one).
 */
const liveEntrySchema = z.object({
  at: z.iso.datetime({ offset: true }),
  author: writerName,
  title: z.string().trim().min(1).max(LIVE_ENTRY_LIMITS.title).optional(),
  pinned: z.boolean().default(false),
  body: z.string().trim().min(1),
  notes: z.array(noteSchema.extend({ kind: z.enum(ENTRY_NOTE_KINDS) })).default([]),
});

/** A story that is (or was) live coverage: when it began, when it ended, and its entries. */
const liveSchema = z.object({
  started: z.iso.datetime({ offset: true }),
  ended: z.iso.datetime({ offset: true }).optional(),
  entries: z.array(liveEntrySchema).default([]),
});

export const articleFrontMatterSchema = z.object({
  headline: z.string().trim().min(1).max(200),
  dek: z.string().trim().min(1).max(400),
  section: z.string().trim().min(1).max(80),
  /** The byline: one writer's name, or a list of them in byline order ("By A and B"). */
  author: z
    .union([writerName.transform((name) => [name]), z.array(writerName).min(1).max(10)])
    .refine((names) => new Set(names.map(authorSlug)).size === names.length, "name each writer once"),
  published: z.preprocess(
    // YAML turns an unquoted 2023-12-01 into a Date; keep what the author wrote.
    (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    publishedSchema,
  ),
  slug: z.string().refine(isSlug, "Use lower-case letters, digits and single hyphens in the slug.").optional(),
  tags: z.array(z.string().trim().min(1).max(ARTICLE_LIMITS.tag)).default([]),
  leadPhoto: photoSchema.optional(),
  status: z.enum(["draft", "published"]).default("published"),
  sample: z.boolean().default(false),
  notes: z.array(noteSchema).default([]),
  // Pinned on the front page by the seed: as its lead, or among the top stories after the lead.
  frontPage: z.enum(["lead", "top"]).optional(),
  live: liveSchema.optional(),
});

export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;
export type PhotoFrontMatter = z.infer<typeof photoSchema>;
