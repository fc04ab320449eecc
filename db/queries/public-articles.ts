import "server-only";
import { and, eq, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { getReaderDb, type Database } from "../client";
import { articleBylines, articles, liveEntries, sections, media, users } from "../schema";

/**
 * What makes a story public: published, its time has come, not in the trash.
 * Every reader query goes through this filter, so a draft or scheduled story
 * cannot leak through a list someone forgets to filter.
 */
export const isPublicArticle = and(
  eq(articles.status, "published"),
  lte(articles.publishedAt, sql`now()`),
  isNull(articles.deletedAt),
);

/** What makes a live story's entry public: let through (not waiting for an editor) and not deleted. */
export const isPublicLiveEntry = and(eq(liveEntries.status, "published"), isNull(liveEntries.deletedAt));

export const articleSummaryColumns = {
  id: articles.id,
  slug: articles.slug,
  headline: articles.headline,
  dek: articles.dek,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
  revisedAt: articles.revisedAt,
  wordCount: articles.wordCount,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  // One small subquery per story, on the bylines' primary key, rather than a join that repeats the row per writer.
  authors: sql<Byline[]>`coalesce((
    select json_agg(json_build_object('slug', ${users.slug}, 'name', ${users.name}) order by ${articleBylines.position})
    from ${articleBylines} inner join ${users} on ${users.id} = ${articleBylines.userId}
    where ${articleBylines.articleId} = ${articles.id}), '[]'::json)`,
  photoCaption: media.caption,
  photoAlt: media.altText,
  photoCamera: media.camera,
  photoCredit: media.credit,
  photoGraphicWarning: media.graphicWarning,
  photoId: sql<string | null>`case when ${media.data} is not null then ${media.id} end`,
  photoWidth: media.width,
  photoHeight: media.height,
};

/** A writer named on a story, linking to their page. */
export type Byline = { slug: string; name: string };

/**
 * Stories with their section, writers (in byline order) and lead photo joined: the one query shape
 * behind every reader list, the article page, search and the feeds. Callers add
 * the columns they need beside the summary and their own filter.
 */
export function selectArticleSummaries<Extra extends Record<string, PgColumn | SQL.Aliased | SQL>>(
  extra: Extra,
  db: Pick<Database, "select"> = getReaderDb(),
) {
  return db
    .select({ ...articleSummaryColumns, ...extra })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.heroMediaId));
}

type SummaryRow = {
  id: string;
  slug: string;
  headline: string;
  dek: string;
  publishedAt: Date | null;
  updatedAt: Date;
  revisedAt: Date | null;
  wordCount: number;
  sectionSlug: string;
  sectionName: string;
  authors: Byline[];
  photoCaption: string | null;
  photoAlt: string | null;
  photoCamera: string | null;
  photoCredit: string | null;
  photoGraphicWarning: string | null;
  photoId: string | null;
  photoWidth: number | null;
  photoHeight: number | null;
};

/** A lead photo; `photoId` is null while the newsroom has only its description, not the file. */
export type LeadPhoto = {
  caption: string;
  alt: string;
  camera: string | null;
  credit: string | null;
  /** Set for a graphic photo: readers see this warning, and choose to look. */
  graphicWarning: string | null;
  photoId: string | null;
  width: number | null;
  height: number | null;
};

export type ArticleSummary = {
  id: string;
  slug: string;
  headline: string;
  dek: string;
  publishedAt: Date;
  /** When readers were last told the story changed (an update, a correction); null if never since publication. */
  revisedAt: Date | null;
  readingMinutes: number;
  section: { slug: string; name: string };
  /** In byline order: the first is the story's owner. */
  authors: Byline[];
  leadPhoto: LeadPhoto | null;
};

const WORDS_PER_MINUTE = 230;

export function toArticleSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    dek: row.dek,
    // Public stories always have a publication time; the filter above guarantees it.
    publishedAt: row.publishedAt ?? row.updatedAt,
    revisedAt: row.revisedAt,
    readingMinutes: Math.max(1, Math.round(row.wordCount / WORDS_PER_MINUTE)),
    section: { slug: row.sectionSlug, name: row.sectionName },
    authors: row.authors,
    leadPhoto:
      row.photoCaption === null
        ? null
        : {
            caption: row.photoCaption,
            alt: row.photoAlt ?? row.photoCaption,
            camera: row.photoCamera,
            credit: row.photoCredit,
            graphicWarning: row.photoGraphicWarning,
            photoId: row.photoId,
            width: row.photoWidth,
            height: row.photoHeight,
          },
  };
}
