import { relations, sql, type SQL } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { FeedBody } from "@/lib/mdx/feed-html";

const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const userRole = pgEnum("user_role", ["admin", "editor", "writer"]);
export const articleStatus = pgEnum("article_status", ["draft", "published"]);
/** Where a draft stands with the editors: sent and waiting (ready), or sent back with a note (returned). */
export const articleReviewState = pgEnum("article_review_state", ["none", "ready", "returned"]);
/** An editor's note on a published story: a correction or clarification (listed at /corrections), or an update. */
export const articleNoteKind = pgEnum("article_note_kind", ["correction", "clarification", "update"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    slug: text("slug").notNull().unique(),
    bio: text("bio"),
    role: userRole("role").notNull().default("writer"),
    // Null until the person sets a password: authors seeded from content cannot sign in.
    passwordHash: text("password_hash"),
    disabled: boolean("disabled").notNull().default(false),
    // Bumped on password change or disabling so every other session ends at its next request.
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

/**
 * The newsroom's sections. Code says "section", as the newsroom does; the table (and
 * `articles.category_id`) keeps the name it was created with, as the address keeps /category:
 * renaming it would break the servers still running the previous release during a rolling deploy.
 */
export const sections = pgTable("categories", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  position: integer("position").notNull().default(0),
  // Off for a section whose stories do not date (explainers, guides): no "more than N years old".
  showsAgeNotice: boolean("shows_age_notice").notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const tags = pgTable("tags", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const media = pgTable(
  "media",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Null for a photo the newsroom has described but whose file has not arrived yet.
    contentHash: text("content_hash"),
    mimeType: text("mime_type"),
    byteSize: integer("byte_size"),
    width: integer("width"),
    height: integer("height"),
    altText: text("alt_text").notNull(),
    caption: text("caption").notNull().default(""),
    credit: text("credit"),
    // Set when the photo is graphic: the warning readers see over it before they choose to look.
    graphicWarning: text("graphic_warning"),
    camera: text("camera"),
    capturedAt: timestamp("captured_at", { withTimezone: true }),
    originalName: text("original_name"),
    data: bytea("data"),
    storageKey: text("storage_key"),
    uploadedById: uuid("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("media_content_hash_idx").on(t.contentHash)],
);

/** Resized copies made by sharp, kept in the database so every app server can serve them. */
export const mediaVariants = pgTable(
  "media_variants",
  {
    mediaId: uuid("media_id")
      .notNull()
      .references(() => media.id, { onDelete: "cascade" }),
    width: integer("width").notNull(),
    format: text("format").notNull(),
    height: integer("height").notNull(),
    mimeType: text("mime_type").notNull(),
    data: bytea("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.width, t.format] })],
);

/** A renamed or merged tag's old address, so readers' links and feed subscriptions keep working. */
export const tagRedirects = pgTable("tag_redirects", {
  oldSlug: text("old_slug").primaryKey(),
  tagId: uuid("tag_id")
    .notNull()
    .references(() => tags.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
});

const publishedAndKept = sql`status = 'published' and deleted_at is null`;

/** One part of the search vector: a column's words, weighted A (most) to D (least). */
const searchWeight = (column: AnyPgColumn, weight: "A" | "B" | "C") =>
  sql`setweight(to_tsvector('english', coalesce(${column}, '')), ${sql.raw(`'${weight}'`)})`;

export const articles = pgTable(
  "articles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    headline: text("headline").notNull(),
    dek: text("dek").notNull().default(""),
    bodyMdx: text("body_mdx").notNull(),
    compiledCode: text("compiled_code").notNull(),
    sourceHash: text("source_hash").notNull(),
    // The article model (lib/mdx/article-model.ts), built from the body in the same save as the
    // compiled code, so no reader's request parses MDX: plain text and word count, the library
    // photos the body shows (article_photos is filled from them) and the feed item's HTML.
    plainText: text("plain_text").notNull().default(""),
    wordCount: integer("word_count").notNull().default(0),
    bodyPhotoIds: uuid("body_photo_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    // Null until built: a feed then shows none of the body.
    feedBody: jsonb("feed_body").$type<FeedBody>(),
    // The rules the model was built with (ARTICLE_MODEL_VERSION); null for a row written before
    // models were. Start-up rebuilds every row that is null or older (db/article-models.ts).
    modelVersion: integer("model_version"),
    seoTitle: text("seo_title"),
    seoDescription: text("seo_description"),
    sectionId: uuid("category_id")
      .notNull()
      .references(() => sections.id, { onDelete: "restrict" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    heroMediaId: uuid("hero_media_id").references(() => media.id, { onDelete: "set null" }),
    status: articleStatus("status").notNull().default("draft"),
    // A future time means scheduled: readers see the story once the time has come.
    publishedAt: timestamp("published_at", { withTimezone: true }),
    firstPublishedAt: timestamp("first_published_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    // Review before publish: publishing clears all four; the audit log keeps every step.
    reviewState: articleReviewState("review_state").notNull().default("none"),
    reviewRequestedAt: timestamp("review_requested_at", { withTimezone: true }),
    // The returning editor's note to the writer, and who returned it when.
    reviewNote: text("review_note"),
    reviewedById: uuid("reviewed_by_id").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    // When readers were last told the story changed (an update, a correction): JSON-LD dateModified,
    // the feeds' updated times and the sitemap's lastmod. A silent fix (a typo) leaves it, as does
    // every staff-only change that moves updated_at; null for a story not changed since publication.
    revisedAt: timestamp("revised_at", { withTimezone: true }),
    // Live coverage: set when an editor turns the story live (schema.org coverageStartTime), and
    // when they end it. Live while started and not ended; ended, it reads top to bottom.
    liveStartedAt: timestamp("live_started_at", { withTimezone: true }),
    liveEndedAt: timestamp("live_ended_at", { withTimezone: true }),
    // On a live story, whether a writer's entry waits for an editor before readers see it.
    liveEntriesNeedReview: boolean("live_entries_need_review").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector("search").generatedAlwaysAs((): SQL =>
      sql.join(
        [searchWeight(articles.headline, "A"), searchWeight(articles.dek, "B"), searchWeight(articles.plainText, "C")],
        sql` || `,
      ),
    ),
  },
  (t) => [
    index("articles_status_published_idx").on(t.status, t.publishedAt.desc()),
    // Reader lists walk these newest-first with a (published_at, id) keyset, so page 500 costs what page 1 does.
    index("articles_public_newest_idx")
      .on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(publishedAndKept),
    index("articles_section_newest_idx")
      .on(t.sectionId, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(publishedAndKept),
    index("articles_author_newest_idx")
      .on(t.authorId, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(publishedAndKept),
    index("articles_search_idx").using("gin", t.search),
    // The editors' "Ready for review" queue, oldest request first.
    index("articles_review_queue_idx")
      .on(t.reviewRequestedAt)
      .where(sql`review_state = 'ready' and deleted_at is null`),
  ],
);

export const articleTags = pgTable(
  "article_tags",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index("article_tags_tag_idx").on(t.tagId, t.articleId)],
);

/**
 * Which story shows which photo, as its lead or in a `<Figure>` of its body: written with every
 * save, so "is this photo on a published story?" is one indexed look-up rather than a scan of
 * every body.
 */
export const articlePhotos = pgTable(
  "article_photos",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    mediaId: uuid("media_id")
      .notNull()
      .references(() => media.id, { onDelete: "cascade" }),
    isLead: boolean("is_lead").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.mediaId] }),
    index("article_photos_media_idx").on(t.mediaId, t.articleId),
  ],
);

/** A story's writers, in byline order ("By A and B"); `articles.author_id` is the first of them. */
export const articleBylines = pgTable(
  "article_bylines",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.userId] }),
    // A writer's page lists the stories they are a byline on, newest first.
    index("article_bylines_user_idx").on(t.userId, t.articleId),
  ],
);

/**
 * Corrections, clarifications and update notes on published stories. Kept forever: only an
 * administrator edits or deletes one, and the audit log keeps what it said.
 */
export const articleNotes = pgTable(
  "article_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    // A note on one entry of a live story, shown with that entry; null for a note on the story itself.
    liveEntryId: uuid("live_entry_id").references((): AnyPgColumn => liveEntries.id, { onDelete: "cascade" }),
    kind: articleNoteKind("kind").notNull(),
    body: text("body").notNull(),
    // The time readers see on the note: when the newsroom made the correction or update.
    notedAt: timestamp("noted_at", { withTimezone: true }).notNull().defaultNow(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("article_notes_article_idx").on(t.articleId, t.notedAt),
    index("article_notes_live_entry_idx")
      .on(t.liveEntryId)
      .where(sql`live_entry_id is not null`),
    // The /corrections page and its feed: every correction and clarification, newest first.
    index("article_notes_corrections_idx")
      .on(t.notedAt.desc(), t.id.desc())
      .where(sql`kind in ('correction', 'clarification')`),
  ],
);

export const liveEntryStatus = pgEnum("live_entry_status", ["published", "pending"]);

/**
 * One timestamped update of a live story: an MDX body checked and compiled like a story's, stored
 * with its model (plain text, feed HTML), so no reader's request compiles anything.
 */
export const liveEntries = pgTable(
  "live_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    title: text("title"),
    bodyMdx: text("body_mdx").notNull(),
    compiledCode: text("compiled_code").notNull(),
    sourceHash: text("source_hash").notNull(),
    plainText: text("plain_text").notNull().default(""),
    // The library photos the body shows, so a reader's page finds their graphic warnings unparsed.
    bodyPhotoIds: uuid("body_photo_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    feedBody: jsonb("feed_body").$type<FeedBody>(),
    modelVersion: integer("model_version"),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    status: liveEntryStatus("status").notNull().default("published"),
    pinned: boolean("pinned").notNull().default(false),
    // The time readers see; an entry waiting for review gets it when an editor lets it through.
    postedAt: timestamp("posted_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The reader page and the poll: a story's published entries, newest first.
    index("live_entries_story_newest_idx")
      .on(t.articleId, t.postedAt.desc(), t.id.desc())
      .where(sql`status = 'published' and deleted_at is null`),
  ],
);

/** The stories editors chose for the top of the front page, in order: position 0 is the lead. */
export const frontPagePicks = pgTable("front_page_picks", {
  articleId: uuid("article_id")
    .primaryKey()
    .references(() => articles.id, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  pickedById: uuid("picked_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const articleRevisions = pgTable(
  "article_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    headline: text("headline").notNull(),
    dek: text("dek").notNull(),
    bodyMdx: text("body_mdx").notNull(),
    // Everything else an editor can change (section, tags, photo, SEO fields), as it was.
    fields: jsonb("fields").$type<Record<string, unknown>>().notNull().default({}),
    savedById: uuid("saved_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("article_revisions_article_version_idx").on(t.articleId, t.version)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_created_idx").on(t.createdAt.desc()),
  ],
);

/**
 * Failed sign-ins counted per scope (an address, or an account at an address) in the database, so
 * every app server sees one count. The rules that read it live in lib/auth/sign-in-throttle.ts.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    scope: text("scope").primaryKey(),
    failures: integer("failures").notNull(),
    firstFailureAt: timestamp("first_failure_at", { withTimezone: true }).notNull(),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [index("sign_in_attempts_last_failure_idx").on(t.lastFailureAt)],
);

export const usersRelations = relations(users, ({ many }) => ({ articles: many(articles) }));
export const sectionsRelations = relations(sections, ({ many }) => ({
  articles: many(articles),
}));
export const tagsRelations = relations(tags, ({ many }) => ({ articleTags: many(articleTags) }));
export const articlesRelations = relations(articles, ({ one, many }) => ({
  section: one(sections, { fields: [articles.sectionId], references: [sections.id] }),
  author: one(users, { fields: [articles.authorId], references: [users.id] }),
  heroMedia: one(media, { fields: [articles.heroMediaId], references: [media.id] }),
  articleTags: many(articleTags),
  articlePhotos: many(articlePhotos),
  revisions: many(articleRevisions),
}));
export const articleTagsRelations = relations(articleTags, ({ one }) => ({
  article: one(articles, { fields: [articleTags.articleId], references: [articles.id] }),
  tag: one(tags, { fields: [articleTags.tagId], references: [tags.id] }),
}));

export const articlePhotosRelations = relations(articlePhotos, ({ one }) => ({
  article: one(articles, { fields: [articlePhotos.articleId], references: [articles.id] }),
  photo: one(media, { fields: [articlePhotos.mediaId], references: [media.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Section = typeof sections.$inferSelect;
export type NewSection = typeof sections.$inferInsert;
export type Tag = typeof tags.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type ArticlePhoto = typeof articlePhotos.$inferSelect;
export type ArticleRevision = typeof articleRevisions.$inferSelect;
export type ArticleNote = typeof articleNotes.$inferSelect;
export type LiveEntry = typeof liveEntries.$inferSelect;
export type ArticleNoteKind = (typeof articleNoteKind.enumValues)[number];
export type Media = typeof media.$inferSelect;
export type NewMedia = typeof media.$inferInsert;
export type MediaVariant = typeof mediaVariants.$inferSelect;
export type AuditLogEntry = typeof auditLog.$inferSelect;
export type SignInAttempt = typeof signInAttempts.$inferSelect;
