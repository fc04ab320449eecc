import "server-only";
import { and, count, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import { hasRole, type Staff } from "@/lib/auth/roles";
import { currentStaff, NotAuthorizedError, requireStaff } from "@/lib/auth/staff";
import type { ReaderTag } from "@/lib/cache-tags";
import { photoFromStorySchema, type PhotoFromStoryInput } from "@/lib/editor/photo-from-story-form";
import { photoTextSchema, type PhotoTextInput } from "@/lib/editor/photo-text-form";
import { stripLocation } from "@/lib/media/clean-photo";
import { inspectPhoto, PhotoRejectedError } from "@/lib/media/inspect-photo";
import { PHOTO_WIDTHS, renderPhotoVariant } from "@/lib/media/responsive-sizes";
import { isPhotoId, photoReferences } from "@/lib/mdx/photo-references";
import { getDb, getReaderDb, type Database } from "../client";
import { articlePhotos, articles, media, mediaVariants } from "../schema";
import { recordAudit } from "./audit-log";
import { isPublicArticle } from "./public-articles";
import type { Transaction } from "./staff";
import { findPublicArticles, articlesTags } from "./article-reader-tags";

export const PHOTO_LIBRARY_PAGE_SIZE = 24;

/** A library photo as the newsroom sees it: everything but the bytes. */
export type PhotoSummary = {
  id: string;
  mimeType: string;
  byteSize: number;
  width: number;
  height: number;
  altText: string;
  caption: string;
  credit: string | null;
  /** Set when the photo is graphic: the warning readers see before they choose to look. */
  graphicWarning: string | null;
  camera: string | null;
  capturedAt: Date | null;
  originalName: string | null;
  createdAt: Date;
  /** Alt text and caption are both written: the photo may appear in a published story. */
  readyForPublication: boolean;
};

export type PhotoUploadResult =
  { status: "ok"; photo: PhotoSummary; alreadyInLibrary: boolean } | { status: "rejected"; message: string };

export type PhotoFile = { bytes: Uint8Array; mimeType: string; etag: string };

/** Who may be sent a photo: anyone once a public story shows it, until then only signed-in staff. */
export type PhotoAudience = "public" | "staff";

export type PhotoTextCheck = { photoIds: string[]; message: string | null };

const VARIANT_FORMAT = "webp";
const MAX_ORIGINAL_NAME_LENGTH = 255;

// Rows without bytes are photos the newsroom described before the file arrived: nothing to show or serve.
const hasFile = isNotNull(media.data);

const summaryColumns = {
  id: media.id,
  mimeType: media.mimeType,
  byteSize: media.byteSize,
  width: media.width,
  height: media.height,
  altText: media.altText,
  caption: media.caption,
  credit: media.credit,
  graphicWarning: media.graphicWarning,
  camera: media.camera,
  capturedAt: media.capturedAt,
  originalName: media.originalName,
  createdAt: media.createdAt,
};

type SummaryRow = {
  id: string;
  mimeType: string | null;
  byteSize: number | null;
  width: number | null;
  height: number | null;
  altText: string;
  caption: string;
  credit: string | null;
  graphicWarning: string | null;
  camera: string | null;
  capturedAt: Date | null;
  originalName: string | null;
  createdAt: Date;
};

const isWritten = (text: string) => text.trim() !== "";

function toPhotoSummary(row: SummaryRow): PhotoSummary {
  return {
    ...row,
    // Every row with bytes was stored by uploadPhoto, which always records these.
    mimeType: row.mimeType ?? "application/octet-stream",
    byteSize: row.byteSize ?? 0,
    width: row.width ?? 0,
    height: row.height ?? 0,
    readyForPublication: isWritten(row.altText) && isWritten(row.caption),
  };
}

async function findByContentHash(contentHash: string): Promise<PhotoSummary | null> {
  const [row] = await getDb().select(summaryColumns).from(media).where(eq(media.contentHash, contentHash)).limit(1);
  return row ? toPhotoSummary(row) : null;
}

/** The browser's file name, kept only to help find the photo again: no folders, no control characters. */
function tidyOriginalName(name: string): string | null {
  const baseName = name.split(/[\\/]/).pop() ?? "";
  const tidy = baseName
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, MAX_ORIGINAL_NAME_LENGTH);
  return tidy || null;
}

/** A refusal the uploader can act on comes back as a value; anything else is a fault and still throws. */
async function orRefusal<T>(work: Promise<T>): Promise<T | PhotoRejectedError> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof PhotoRejectedError) return error;
    throw error;
  }
}

/**
 * Adds a photo to the library. What is stored, and served as the "original",
 * is the cleaned file: no reader ever receives the upload's GPS or location
 * tags. The same file uploaded twice is the same photo, found by the hash of
 * the bytes as uploaded.
 */
export async function uploadPhoto({
  bytes,
  originalName,
}: {
  bytes: Uint8Array;
  originalName: string;
}): Promise<PhotoUploadResult> {
  const staff = await requireStaff();
  const inspection = await orRefusal(inspectPhoto(bytes));
  if (inspection instanceof PhotoRejectedError) return { status: "rejected", message: inspection.reason };
  const existing = await findByContentHash(inspection.contentHash);
  if (existing) return { status: "ok", photo: existing, alreadyInLibrary: true };

  const cleaned = await orRefusal(stripLocation(bytes, inspection));
  if (cleaned instanceof PhotoRejectedError) return { status: "rejected", message: cleaned.reason };
  const stored = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(media)
      .values({
        contentHash: inspection.contentHash,
        mimeType: inspection.mimeType,
        byteSize: cleaned.byteLength,
        width: inspection.width,
        height: inspection.height,
        altText: "",
        caption: "",
        camera: inspection.camera,
        capturedAt: inspection.capturedAt,
        originalName: tidyOriginalName(originalName),
        data: cleaned,
        uploadedById: staff.id,
      })
      // Two people uploading the same file at once: one row, and the second is told it is already there.
      .onConflictDoNothing({ target: media.contentHash })
      .returning(summaryColumns);
    if (row)
      await recordAudit(tx, {
        actor: staff,
        action: "media.uploaded",
        entity: "media",
        entityId: row.id,
        details: { mimeType: row.mimeType, byteSize: row.byteSize, camera: row.camera },
      });
    return row ? toPhotoSummary(row) : null;
  });
  if (stored) return { status: "ok", photo: stored, alreadyInLibrary: false };
  const winner = await findByContentHash(inspection.contentHash);
  if (!winner) throw new Error("A photo with this content hash was neither stored nor found");
  return { status: "ok", photo: winner, alreadyInLibrary: true };
}

function matchesQuery(query: string): SQL | undefined {
  const pattern = `%${query.replace(/[\\%_]/g, "\\$&")}%`;
  return or(
    ilike(media.caption, pattern),
    ilike(media.altText, pattern),
    ilike(media.camera, pattern),
    ilike(media.originalName, pattern),
  );
}

/** One page of the library, and how many photos the search found in all. */
export type PhotoLibraryPage = { photos: PhotoSummary[]; total: number; totalPages: number };

/**
 * The library, newest first (ties broken by id, so pages never overlap or skip), optionally only
 * photos whose caption, alt text, camera or file name contain the query, in any case.
 */
export async function listPhotos({ query, page }: { query?: string; page: number }): Promise<PhotoLibraryPage> {
  await requireStaff();
  const text = query?.trim();
  const where = and(hasFile, text ? matchesQuery(text) : undefined);
  const [rows, totals] = await Promise.all([
    getDb()
      .select(summaryColumns)
      .from(media)
      .where(where)
      .orderBy(desc(media.createdAt), desc(media.id))
      .limit(PHOTO_LIBRARY_PAGE_SIZE)
      .offset((page - 1) * PHOTO_LIBRARY_PAGE_SIZE),
    getDb().select({ total: count() }).from(media).where(where),
  ]);
  const total = totals[0]?.total ?? 0;
  return {
    photos: rows.map((row) => toPhotoSummary(row)),
    total,
    totalPages: Math.max(1, Math.ceil(total / PHOTO_LIBRARY_PAGE_SIZE)),
  };
}

/**
 * The editor's first page of the library, with the story's own lead photo added when it is older
 * than that page, so the editor shows the lead a story has rather than a photo it cannot find.
 */
export async function listPhotosForStory({ leadPhotoId }: { leadPhotoId: string | null }): Promise<PhotoLibraryPage> {
  const library = await listPhotos({ page: 1 });
  if (!leadPhotoId || library.photos.some((photo) => photo.id === leadPhotoId)) return library;
  const [lead] = await getDb()
    .select(summaryColumns)
    .from(media)
    .where(and(hasFile, eq(media.id, leadPhotoId)))
    .limit(1);
  return lead ? { ...library, photos: [...library.photos, toPhotoSummary(lead)] } : library;
}

// Published or scheduled, and not in the trash: readers see its photos' text now or when its time comes.
async function isOnPublishedArticle(tx: Transaction, id: string): Promise<boolean> {
  const [shown] = await tx
    .select({ articleId: articlePhotos.articleId })
    .from(articlePhotos)
    .innerJoin(
      articles,
      and(eq(articles.id, articlePhotos.articleId), eq(articles.status, "published"), isNull(articles.deletedAt)),
    )
    .where(eq(articlePhotos.mediaId, id))
    .limit(1);
  return shown !== undefined;
}

// A writer may describe photos for drafts; once a published story shows the photo, its text is
// something readers see, and only an editor changes that.
async function requireMayChangeText(tx: Transaction, staff: Staff, id: string): Promise<void> {
  if (!hasRole(staff, "editor") && (await isOnPublishedArticle(tx, id))) {
    throw new NotAuthorizedError(
      "forbidden",
      "This photo appears in a published story; only an editor can change its text.",
    );
  }
}

// Alt text and captions show wherever a public story shows the photo: its page, lists and feeds.
async function readerTagsShowing(tx: Transaction, id: string): Promise<ReaderTag[]> {
  const showing = tx.select({ id: articlePhotos.articleId }).from(articlePhotos).where(eq(articlePhotos.mediaId, id));
  return articlesTags(...(await findPublicArticles(tx, inArray(articles.id, showing))));
}

/**
 * Null when the photo is not in the library; otherwise the photo, with the reader pages its text
 * shows on. Only an editor changes the text of a photo a published story shows.
 */
export async function updatePhotoText(
  input: PhotoTextInput,
): Promise<(PhotoSummary & { expired: ReaderTag[] }) | null> {
  const staff = await requireStaff();
  const { id, altText, caption, credit } = photoTextSchema.parse(input);
  return getDb().transaction(async (tx) => {
    await requireMayChangeText(tx, staff, id);
    const [row] = await tx
      .update(media)
      .set({ altText, caption, credit: credit || null })
      .where(and(eq(media.id, id), hasFile))
      .returning(summaryColumns);
    if (!row) return null;
    const photo = toPhotoSummary(row);
    await recordAudit(tx, {
      actor: staff,
      action: "media.text-updated",
      entity: "media",
      entityId: id,
      details: { readyForPublication: photo.readyForPublication },
    });
    return { ...photo, expired: await readerTagsShowing(tx, id) };
  });
}

/**
 * Marks a photo graphic, with the warning readers see over it, or clears the mark (null). An
 * editor's call, as what readers are shown unasked is; every story showing the photo expires.
 */
export async function setPhotoGraphicWarning({
  id,
  graphicWarning,
}: {
  id: string;
  graphicWarning: string | null;
}): Promise<(PhotoSummary & { expired: ReaderTag[] }) | null> {
  const staff = await requireStaff("editor");
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(media)
      .set({ graphicWarning })
      .where(and(eq(media.id, id), hasFile))
      .returning(summaryColumns);
    if (!row) return null;
    await recordAudit(tx, {
      actor: staff,
      action: graphicWarning ? "media.marked-graphic" : "media.graphic-mark-removed",
      entity: "media",
      entityId: id,
      details: { graphicWarning },
    });
    return { ...toPhotoSummary(row), expired: await readerTagsShowing(tx, id) };
  });
}

/** The parts of a photo's text a story can give the library. */
export type PhotoTextField = "caption" | "altText";

const STORY_PHOTO_TEXT: readonly PhotoTextField[] = ["caption", "altText"];

/**
 * Gives the library the caption and alt text a writer typed into a photo in a story, each only
 * where the library has none (blank counts as none): text the library already has is never
 * overwritten from a story. `filled` names what was written, and `photo` is the library's text
 * afterwards. Null when the photo is not in the library. Filling text that a published story
 * shows is an editor's change, as in updatePhotoText; offering text that fills nothing is anyone's.
 */
export async function fillMissingPhotoText(
  input: PhotoFromStoryInput,
): Promise<{ filled: PhotoTextField[]; photo: PhotoSummary; expired: ReaderTag[] } | null> {
  const staff = await requireStaff();
  const { id, ...offered } = photoFromStorySchema.parse(input);
  return getDb().transaction(async (tx) => {
    // Locked, so text saved in the library meanwhile is seen here, never written over.
    const [current] = await tx
      .select(summaryColumns)
      .from(media)
      .where(and(eq(media.id, id), hasFile))
      .for("update");
    if (!current) return null;
    const filled = STORY_PHOTO_TEXT.filter((field) => !isWritten(current[field]) && isWritten(offered[field]));
    if (filled.length === 0) return { filled, photo: toPhotoSummary(current), expired: [] };
    await requireMayChangeText(tx, staff, id);
    const text: Partial<Record<PhotoTextField, string>> = {};
    for (const field of filled) text[field] = offered[field];
    const [row] = await tx.update(media).set(text).where(eq(media.id, id)).returning(summaryColumns);
    if (!row) throw new Error("A photo locked for its text was not there to update");
    const photo = toPhotoSummary(row);
    await recordAudit(tx, {
      actor: staff,
      action: "media.text-updated",
      entity: "media",
      entityId: id,
      details: { filled, from: "story", readyForPublication: photo.readyForPublication },
    });
    return { filled, photo, expired: await readerTagsShowing(tx, id) };
  });
}

const isPhotoWidth = (width: number): width is (typeof PHOTO_WIDTHS)[number] =>
  (PHOTO_WIDTHS as readonly number[]).includes(width);

async function loadOriginal(db: Database, id: string): Promise<PhotoFile | null> {
  const [row] = await db
    .select({ data: media.data, mimeType: media.mimeType })
    .from(media)
    .where(and(eq(media.id, id), hasFile))
    .limit(1);
  if (!row?.data || !row.mimeType) return null;
  return { bytes: row.data, mimeType: row.mimeType, etag: `"${id}"` };
}

async function findVariant(db: Database, id: string, width: number): Promise<PhotoFile | null> {
  const [row] = await db
    .select({ data: mediaVariants.data, mimeType: mediaVariants.mimeType })
    .from(mediaVariants)
    .where(and(eq(mediaVariants.mediaId, id), eq(mediaVariants.width, width), eq(mediaVariants.format, VARIANT_FORMAT)))
    .limit(1);
  return row ? { bytes: row.data, mimeType: row.mimeType, etag: variantEtag(id, width) } : null;
}

const variantEtag = (id: string, width: number) => `"${id}-${width}w.${VARIANT_FORMAT}"`;

/**
 * Renders a variant once and keeps it. Two servers may render the same one at
 * the same moment; the first stored wins and both serve the stored bytes, so
 * every copy of this URL anywhere is byte-for-byte the same. The stored one is read back from the
 * primary, where it was just written.
 */
async function renderAndStoreVariant(db: Database, id: string, width: number): Promise<PhotoFile | null> {
  const original = await loadOriginal(db, id);
  if (!original) return null;
  const variant = await renderPhotoVariant(original.bytes, { width, format: VARIANT_FORMAT });
  await getDb()
    .insert(mediaVariants)
    .values({
      mediaId: id,
      width,
      format: VARIANT_FORMAT,
      height: variant.height,
      mimeType: variant.mimeType,
      data: variant.bytes,
    })
    .onConflictDoNothing();
  return findVariant(getDb(), id, width);
}

// A photo shown by a public story, as its lead or as a <Figure photo="…"> in its body: read from
// the record each save keeps (article_photos), one indexed look-up, never from the bodies' text.
async function isShownToReaders(id: string): Promise<boolean> {
  const [shown] = await getReaderDb()
    .select({ articleId: articlePhotos.articleId })
    .from(articlePhotos)
    .innerJoin(articles, and(eq(articles.id, articlePhotos.articleId), isPublicArticle))
    .where(eq(articlePhotos.mediaId, id))
    .limit(1);
  return shown !== undefined;
}

async function photoAudience(id: string): Promise<PhotoAudience | null> {
  if (await isShownToReaders(id)) return "public";
  return (await currentStaff()) ? "staff" : null;
}

// Readers' photos come from the replica, like the stories that show them; one only staff may see
// yet was probably uploaded a moment ago, so it is read where it was written.
const photoSource = (audience: PhotoAudience) => (audience === "public" ? getReaderDb() : getDb());

/**
 * A photo's bytes: the cleaned original (no width) or one of the published
 * widths as WebP, made on first request. Readers get photos that a public
 * story shows; a photo uploaded for a draft or an embargoed story reaches
 * signed-in staff only. Null for an unknown photo, a width we do not publish,
 * a photo that has been described but has no file, or a caller not allowed it.
 */
export async function getPhotoFile({
  id,
  width,
}: {
  id: string;
  width?: number;
}): Promise<(PhotoFile & { audience: PhotoAudience }) | null> {
  if (!isPhotoId(id) || (width !== undefined && !isPhotoWidth(width))) return null;
  const audience = await photoAudience(id);
  if (!audience) return null;
  const db = photoSource(audience);
  const file = width === undefined ? await loadOriginal(db, id) : await loadVariant(db, id, width);
  return file ? { ...file, audience } : null;
}

async function loadVariant(db: Database, id: string, width: number): Promise<PhotoFile | null> {
  const [photo] = await db
    .select({ width: media.width })
    .from(media)
    .where(and(eq(media.id, id), hasFile))
    .limit(1);
  if (!photo?.width) return null;
  // Never enlarged: every published width at or above the photo's own is one and the same file.
  const variantWidth = Math.min(width, photo.width);
  return (await findVariant(db, id, variantWidth)) ?? renderAndStoreVariant(db, id, variantWidth);
}

function missingTextMessage(missing: number, unknown: number): string | null {
  const problems = [
    missing > 0
      ? `${missing === 1 ? "A photo in this story needs" : `${missing} photos in this story need`} ` +
        "alt text and a caption; write them in the photo library."
      : null,
    unknown > 0
      ? `${unknown === 1 ? "A <Figure> refers to a photo" : `${unknown} <Figure>s refer to photos`} ` +
        "that the library does not have; choose the photo again."
      : null,
  ].filter((problem) => problem !== null);
  return problems.length > 0 ? `Before publishing: ${problems.join(" ")}` : null;
}

/**
 * The photos a story would show without alt text or a caption: the lead photo
 * and every `<Figure photo="…">` in the body. A story may not be published
 * until this comes back empty; photos the library does not have count too.
 */
export async function findPhotosMissingText({
  bodyMdx,
  heroMediaId,
}: {
  bodyMdx: string;
  heroMediaId: string | null;
}): Promise<PhotoTextCheck> {
  await requireStaff();
  const referenced = [...new Set([...(heroMediaId ? [heroMediaId.toLowerCase()] : []), ...photoReferences(bodyMdx)])];
  if (referenced.length === 0) return { photoIds: [], message: null };
  const rows = await getDb()
    .select({ id: media.id, altText: media.altText, caption: media.caption })
    .from(media)
    .where(inArray(media.id, referenced));
  const found = new Map(rows.map((row) => [row.id, row]));
  const unknown = referenced.filter((id) => !found.has(id));
  const withoutText = referenced.filter((id) => {
    const row = found.get(id);
    return row !== undefined && !(isWritten(row.altText) && isWritten(row.caption));
  });
  return { photoIds: [...withoutText, ...unknown], message: missingTextMessage(withoutText.length, unknown.length) };
}
