import { z } from "zod";
import type { ArticleForEditing } from "@/db/queries/newsroom-articles";
import type { ActionResult } from "@/lib/actions/result";
import { MAX_ARTICLE_SOURCE_LENGTH } from "@/lib/mdx/limits";
import { isSlug } from "@/lib/slugs";
import { ARTICLE_LIMITS } from "./article-limits";
import { staffLine, staffText } from "./staff-text";

const limited = (label: string, max: number) => `${label} is limited to ${max.toLocaleString("en-GB")} characters.`;
const SLUG_RULE = "Use lower-case letters, digits and single hyphens in the address.";

const tag = staffLine()
  .trim()
  .min(1, "A tag needs a name.")
  .max(ARTICLE_LIMITS.tag, limited("A tag", ARTICLE_LIMITS.tag));

const publicationIntent = z.enum(["save", "review", "publish", "schedule", "unpublish"]);
/** A change to a published story: an update readers are told of ("Updated …"), or a silent fix (a typo). */
const changeKind = z.enum(["update", "fix"], "Say whether this is an update or a silent fix.");

/**
 * Every field the editor's form and `PUT /api/articles/{id}` share, so that both take the same
 * text, cleaned the same way, within the same limits, refused in the same words.
 */
const articleFields = {
  headline: staffLine()
    .trim()
    .min(1, "Write a headline.")
    .max(ARTICLE_LIMITS.headline, limited("A headline", ARTICLE_LIMITS.headline)),
  dek: staffText().trim().max(ARTICLE_LIMITS.dek, limited("The standfirst", ARTICLE_LIMITS.dek)),
  tags: z.array(tag).max(ARTICLE_LIMITS.tags, `Use at most ${ARTICLE_LIMITS.tags} tags.`),
  slug: staffLine().trim().max(ARTICLE_LIMITS.slug, limited("The address", ARTICLE_LIMITS.slug)),
  seoTitle: staffLine()
    .trim()
    .max(ARTICLE_LIMITS.seoTitle, limited("The search-engine title", ARTICLE_LIMITS.seoTitle)),
  seoDescription: staffText()
    .trim()
    .max(ARTICLE_LIMITS.seoDescription, limited("The search-engine description", ARTICLE_LIMITS.seoDescription)),
  bodyMdx: staffText()
    .min(1, "Write the story before saving.")
    .max(MAX_ARTICLE_SOURCE_LENGTH, limited("The story", MAX_ARTICLE_SOURCE_LENGTH)),
  // Which ids are people is the data layer's to check; here, only the list's shape.
  bylines: z
    .array(z.uuid("Choose each writer from the list."))
    .min(1, "A story needs at least one writer.")
    .max(ARTICLE_LIMITS.bylines, `Name at most ${ARTICLE_LIMITS.bylines} writers.`)
    .refine((ids) => new Set(ids).size === ids.length, "Name each writer once."),
};

/** The editor's form, as strings from FormData, into what the data-access layer takes. */
export const articleFormSchema = z.object({
  id: z
    .uuid()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  expectedVersion: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  headline: articleFields.headline,
  dek: articleFields.dek.optional().default(""),
  sectionId: z.uuid("Choose a section."),
  // Left empty, the address comes from the headline.
  slug: articleFields.slug
    .refine((slug) => slug === "" || isSlug(slug), SLUG_RULE)
    .optional()
    .default(""),
  tags: staffLine()
    .optional()
    .default("")
    .transform((value) => [
      ...new Set(
        value
          .split(",")
          .map((tag) => tag.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(articleFields.tags),
  seoTitle: articleFields.seoTitle.optional().default(""),
  seoDescription: articleFields.seoDescription.optional().default(""),
  bodyMdx: articleFields.bodyMdx,
  // The writers' ids in byline order, comma-separated; left out (an old form), the bylines are kept.
  bylines: z
    .string()
    .max(ARTICLE_LIMITS.bylines * 40, `Name at most ${ARTICLE_LIMITS.bylines} writers.`)
    .transform((value) => value.split(",").filter(Boolean))
    .pipe(articleFields.bylines)
    .optional(),
  // The form always sends the lead photo's field: empty means the writer took the photo off.
  heroMediaId: z
    .uuid()
    .or(z.literal("").transform(() => null))
    .optional(),
  intent: publicationIntent.default("save"),
  publishAt: z.string().max(40, "Choose a date and time from the picker.").optional().default(""),
  // A checkbox beside "Publish now": sent as "on" when ticked, not sent at all when not.
  makeLead: z
    .literal("on", "Tick the box or leave it empty.")
    .optional()
    .transform((ticked) => ticked === "on"),
  changeKind: changeKind.default("update"),
});

/**
 * `PUT /api/articles/{id}`: the representation `GET` returns, or any part of it. A field left out
 * is kept; to clear the standfirst, the tags, the search-engine texts or the lead photo, send them
 * empty or `null`. `expectedVersion` (or the representation's own `version`) is the version read.
 * `intent` (send for review, publish, schedule at `publishAt`, unpublish) does in the same save what
 * the editor's buttons do. The read-only fields (`id`, `status`, `publishedAt`, `authorName` …) are ignored;
 * `bylines` sets the writers in order, the first becoming the story's owner.
 */
export const articleUpdateSchema = z
  .object({
    expectedVersion: z.number().int().min(1).optional(),
    version: z.number().int().min(1).optional(),
    headline: articleFields.headline.optional(),
    dek: articleFields.dek
      .nullable()
      .transform((dek) => dek ?? "")
      .optional(),
    sectionId: z.uuid("Choose a section.").optional(),
    tags: articleFields.tags
      .nullable()
      .transform((tags) => tags ?? [])
      .optional(),
    bodyMdx: articleFields.bodyMdx.optional(),
    slug: articleFields.slug.refine(isSlug, SLUG_RULE).optional(),
    seoTitle: articleFields.seoTitle.nullable().optional(),
    seoDescription: articleFields.seoDescription.nullable().optional(),
    heroMediaId: z.uuid("The lead photo is a photo's id from the library, or null for none.").nullable().optional(),
    // The writers in byline order: ids, or the `{ id, name }` entries `GET` returns.
    bylines: z
      .array(z.union([z.uuid(), z.object({ id: z.uuid() }).transform((byline) => byline.id)]))
      .pipe(articleFields.bylines)
      .optional(),
    // Left out, the story is saved as it stands, published or not, as before there were intents.
    intent: publicationIntent.optional(),
    // Left out, a change to a published story is an update readers are told of.
    changeKind: changeKind.optional(),
    publishAt: z.iso
      .datetime({ offset: true, message: "Send publishAt as an ISO 8601 time with its offset." })
      .transform((time) => new Date(time))
      .optional(),
  })
  .transform(({ version, expectedVersion, ...changes }, context) => {
    const read = expectedVersion ?? version;
    if (read === undefined) {
      context.addIssue({
        code: "custom",
        path: ["expectedVersion"],
        message: "Send the version you read as expectedVersion.",
      });
      return z.NEVER;
    }
    return { expectedVersion: read, ...changes };
  });

export type ArticleForm = z.infer<typeof articleFormSchema>;

/** Their version, shown beside the editor's text when someone else saved first. */
export type ConflictingVersion = Pick<
  ArticleForEditing,
  "version" | "headline" | "dek" | "bodyMdx" | "authorName" | "updatedAt"
>;

/** What the editor's buttons answer: the version now stored, or why nothing was. */
export type EditorResult = ActionResult<EditorSaved, EditorConflict>;
export type EditorSaved = { version: number; slug: string };
export type EditorConflict = { current: ConflictingVersion };
