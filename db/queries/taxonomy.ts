import "server-only";
import { and, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { readerTags, type ReaderTag } from "@/lib/cache-tags";
import { requireStaff } from "@/lib/auth/staff";
import { sectionSlug, tagSlug } from "@/lib/slugs";
import { getDb } from "../client";
import { articles, articleTags, sections, tagRedirects, tags } from "../schema";
import { recordAudit } from "./audit-log";
import { NotFoundError } from "./errors";
import type { Transaction } from "./staff";
import { findPublicArticles, uniqueTags } from "./article-reader-tags";
import { routes } from "@/lib/routes";

/**
 * What an editor can fix (a taken name) comes back as "invalid" with a message saying what to do;
 * a refusal (NotAuthorizedError) and a tag or section someone else just removed (NotFoundError)
 * throw. A change that worked says which reader pages it touched.
 */
export type TaxonomyResult<T extends object> =
  ({ status: "ok"; expired: ReaderTag[] } & T) | { status: "invalid"; message: string };

const invalid = (message: string) => ({ status: "invalid", message }) as const;

type TaxonomyEntity = "tag" | "category";

/**
 * Taxonomy changes are rare and touch several rows at once (a slug here, redirects there,
 * every position in the navigation); one lock per table keeps two editors from racing
 * each other into the same slug or into tied positions.
 */
export async function lockTaxonomy(tx: Transaction, entity: TaxonomyEntity) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`newsroom:${entity}`}))`);
}

export type TagSummary = { id: string; slug: string; name: string };
export type TagWithCounts = TagSummary & { articleCount: number; publishedCount: number };

const tagColumns = { id: tags.id, slug: tags.slug, name: tags.name };

/** Every tag, with how many stories carry it (trash excluded) and how many of those readers can see. */
export async function listTagsWithCounts(): Promise<TagWithCounts[]> {
  await requireStaff("editor");
  return getDb()
    .select({
      ...tagColumns,
      articleCount: count(articles.id),
      // The same rule as the public tag page: published, and its time has come.
      publishedCount: sql<number>`count(${articles.id})
          filter (where ${articles.status} = 'published' and ${articles.publishedAt} <= now())`.mapWith(Number),
    })
    .from(tags)
    .leftJoin(articleTags, eq(articleTags.tagId, tags.id))
    .leftJoin(articles, and(eq(articles.id, articleTags.articleId), isNull(articles.deletedAt)))
    .groupBy(tags.id)
    .orderBy(sql`lower(${tags.name})`, tags.slug);
}

async function findTagById(tx: Transaction, id: string): Promise<TagSummary | null> {
  const [row] = await tx.select(tagColumns).from(tags).where(eq(tags.id, id)).limit(1);
  return row ?? null;
}

async function findTagBySlug(tx: Transaction, slug: string): Promise<TagSummary | null> {
  const [row] = await tx.select(tagColumns).from(tags).where(eq(tags.slug, slug)).limit(1);
  return row ?? null;
}

/** A live tag's address always wins over a redirect, so a redirect from that address would never be read again. */
async function releaseRedirect(tx: Transaction, slug: string) {
  await tx.delete(tagRedirects).where(eq(tagRedirects.oldSlug, slug));
}

async function redirectSlug(tx: Transaction, oldSlug: string, tagId: string) {
  await tx
    .insert(tagRedirects)
    .values({ oldSlug, tagId })
    .onConflictDoUpdate({ target: tagRedirects.oldSlug, set: { tagId, createdAt: new Date() } });
}

/**
 * A tag's name shows on its pages (`slugs`: its addresses before and after) and on the public
 * stories carrying it, which sit in the feeds; its pages are in the sitemaps while such stories exist.
 */
async function tagChangeExpiry(tx: Transaction, tagId: string, slugs: string[]): Promise<ReaderTag[]> {
  const carrying = tx.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, tagId));
  const carriers = await findPublicArticles(tx, inArray(articles.id, carrying));
  return uniqueTags(
    slugs.map(readerTags.tag),
    carriers.map((carrier) => readerTags.article(carrier.id)),
    carriers.length > 0 ? [readerTags.feeds, readerTags.sitemaps] : [],
  );
}

const TAG_GONE = "That tag no longer exists: someone may have merged or deleted it. Reload the page and try again.";
const NO_TAG_NAME = "Give the tag a name with at least one letter or digit.";

export async function createTag({ name }: { name: string }): Promise<TaxonomyResult<{ tag: TagSummary }>> {
  const staff = await requireStaff("editor");
  const tagName = name.trim();
  const slug = tagSlug(tagName);
  if (!slug) return invalid(NO_TAG_NAME);
  return getDb().transaction(async (tx): Promise<TaxonomyResult<{ tag: TagSummary }>> => {
    await lockTaxonomy(tx, "tag");
    const existing = await findTagBySlug(tx, slug);
    if (existing)
      return invalid(
        `The tag “${existing.name}” already has the address ${routes.tag(slug)}. Use that tag, or choose another name.`,
      );
    const [tag] = await tx.insert(tags).values({ slug, name: tagName }).returning(tagColumns);
    await releaseRedirect(tx, slug);
    await recordAudit(tx, {
      actor: staff,
      action: "tag.created",
      entity: "tag",
      entityId: tag!.id,
      details: { slug, name: tagName },
    });
    // The address may have redirected to another tag until now.
    return { status: "ok", tag: tag!, expired: [readerTags.tag(slug)] };
  });
}

/** The old address keeps working: it redirects to the tag under its new name. */
export async function renameTag({
  id,
  name,
}: {
  id: string;
  name: string;
}): Promise<TaxonomyResult<{ tag: TagSummary; previous: TagSummary }>> {
  const staff = await requireStaff("editor");
  const tagName = name.trim();
  const slug = tagSlug(tagName);
  if (!slug) return invalid(NO_TAG_NAME);
  return getDb().transaction(async (tx): Promise<TaxonomyResult<{ tag: TagSummary; previous: TagSummary }>> => {
    await lockTaxonomy(tx, "tag");
    const previous = await findTagById(tx, id);
    if (!previous) throw new NotFoundError(TAG_GONE);
    if (slug !== previous.slug) {
      const other = await findTagBySlug(tx, slug);
      if (other) {
        return invalid(
          `The tag “${other.name}” already has the address ${routes.tag(slug)}. ` +
            `To combine the two, merge “${previous.name}” into “${other.name}” instead.`,
        );
      }
      // Renaming back to an earlier name takes that address back from the redirect.
      await releaseRedirect(tx, slug);
      await redirectSlug(tx, previous.slug, id);
    }
    await tx.update(tags).set({ slug, name: tagName }).where(eq(tags.id, id));
    await recordAudit(tx, {
      actor: staff,
      action: "tag.renamed",
      entity: "tag",
      entityId: id,
      details: { from: previous, to: { slug, name: tagName } },
    });
    const expired = await tagChangeExpiry(tx, id, [previous.slug, slug]);
    return { status: "ok", tag: { id, slug, name: tagName }, previous, expired };
  });
}

/**
 * The source's stories gain the target, the source disappears, and every address that led
 * to the source (its slug and its own older redirects) now leads to the target.
 */
export async function mergeTags({
  sourceId,
  targetId,
}: {
  sourceId: string;
  targetId: string;
}): Promise<TaxonomyResult<{ source: TagSummary; target: TagSummary; newlyTagged: number }>> {
  const staff = await requireStaff("editor");
  if (sourceId === targetId)
    return invalid("A tag cannot be merged into itself: choose a different tag to merge into.");
  return getDb().transaction(
    async (tx): Promise<TaxonomyResult<{ source: TagSummary; target: TagSummary; newlyTagged: number }>> => {
      await lockTaxonomy(tx, "tag");
      const source = await findTagById(tx, sourceId);
      const target = await findTagById(tx, targetId);
      if (!source || !target) throw new NotFoundError(TAG_GONE);
      const expired = await tagChangeExpiry(tx, sourceId, [source.slug, target.slug]);
      const tagged = await tx
        .insert(articleTags)
        .select(
          tx
            .select({ articleId: articleTags.articleId, tagId: sql<string>`${targetId}::uuid`.as("tag_id") })
            .from(articleTags)
            .where(eq(articleTags.tagId, sourceId)),
        )
        .onConflictDoNothing()
        .returning({ articleId: articleTags.articleId });
      // Moved before the delete, whose cascade would otherwise take the source's redirects with it.
      await tx.update(tagRedirects).set({ tagId: targetId }).where(eq(tagRedirects.tagId, sourceId));
      await tx.delete(tags).where(eq(tags.id, sourceId));
      await redirectSlug(tx, source.slug, targetId);
      await recordAudit(tx, {
        actor: staff,
        action: "tag.merged",
        entity: "tag",
        entityId: sourceId,
        details: { source, target, newlyTagged: tagged.length },
      });
      return { status: "ok", source, target, newlyTagged: tagged.length, expired };
    },
  );
}

/** Takes the tag off every story and removes it; its redirects go with it, so old addresses become 404s. */
export async function deleteTag({
  id,
}: {
  id: string;
}): Promise<TaxonomyResult<{ tag: TagSummary; untagged: number }>> {
  const staff = await requireStaff("editor");
  return getDb().transaction(async (tx): Promise<TaxonomyResult<{ tag: TagSummary; untagged: number }>> => {
    await lockTaxonomy(tx, "tag");
    const tag = await findTagById(tx, id);
    if (!tag) throw new NotFoundError(TAG_GONE);
    const expired = await tagChangeExpiry(tx, id, [tag.slug]);
    const untagged = await tx
      .delete(articleTags)
      .where(eq(articleTags.tagId, id))
      .returning({ articleId: articleTags.articleId });
    await tx.delete(tags).where(eq(tags.id, id));
    await recordAudit(tx, {
      actor: staff,
      action: "tag.deleted",
      entity: "tag",
      entityId: id,
      details: { ...tag, untagged: untagged.length },
    });
    return { status: "ok", tag, untagged: untagged.length, expired };
  });
}

export type SectionForManagement = {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
  showsAgeNotice: boolean;
};

const sectionColumns = {
  id: sections.id,
  slug: sections.slug,
  name: sections.name,
  description: sections.description,
  position: sections.position,
  showsAgeNotice: sections.showsAgeNotice,
};

// The reader's navigation order (listSections), with the id so equal rows still sort the same way every time.
const navigationOrder = [sections.position, sections.name, sections.id] as const;

export async function listSectionsForManagement(): Promise<SectionForManagement[]> {
  await requireStaff("editor");
  return getDb()
    .select(sectionColumns)
    .from(sections)
    .orderBy(...navigationOrder);
}

/** A section's name and place show in the navigation on every reader page, and on its own pages. */
const sectionExpiry = (slug: string, ...also: ReaderTag[]): ReaderTag[] => [
  readerTags.navigation,
  readerTags.section(slug),
  ...also,
];

const NO_SECTION_NAME = "Give the section a name with at least one letter or digit.";
const SECTION_GONE = "That section no longer exists. Reload the page and try again.";

async function sectionNamed(tx: Transaction, name: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: sections.id })
    .from(sections)
    .where(and(eq(sql`lower(${sections.name})`, name.toLowerCase()), exceptId ? ne(sections.id, exceptId) : undefined))
    .limit(1);
  return row !== undefined;
}

export async function createSection({
  name,
  description,
  showsAgeNotice = true,
}: {
  name: string;
  description: string;
  showsAgeNotice?: boolean;
}): Promise<TaxonomyResult<{ section: SectionForManagement }>> {
  const staff = await requireStaff("editor");
  const sectionName = name.trim();
  const slug = sectionSlug(sectionName);
  if (!slug) return invalid(NO_SECTION_NAME);
  return getDb().transaction(async (tx): Promise<TaxonomyResult<{ section: SectionForManagement }>> => {
    await lockTaxonomy(tx, "category");
    const [existing] = await tx.select({ name: sections.name }).from(sections).where(eq(sections.slug, slug)).limit(1);
    if (existing)
      return invalid(
        `The section “${existing.name}” already has the address ${routes.section(slug)}. Choose another name.`,
      );
    if (await sectionNamed(tx, sectionName))
      return invalid(`There is already a section called “${sectionName}”. Choose another name.`);
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${sections.position}), -1)`.mapWith(Number) })
      .from(sections);
    const [section] = await tx
      .insert(sections)
      .values({
        slug,
        name: sectionName,
        description: description.trim(),
        showsAgeNotice,
        position: (last?.position ?? -1) + 1,
      })
      .returning(sectionColumns);
    await recordAudit(tx, {
      actor: staff,
      action: "category.created",
      entity: "category",
      entityId: section!.id,
      details: { slug, name: sectionName, showsAgeNotice },
    });
    return { status: "ok", section: section!, expired: sectionExpiry(slug, readerTags.sitemaps) };
  });
}

/**
 * A section keeps its slug when renamed: its pages, its feed and readers' bookmarks and
 * subscriptions stay where they are. Only the name and description change.
 */
export async function updateSection({
  id,
  name,
  description,
  showsAgeNotice,
}: {
  id: string;
  name: string;
  description: string;
  /** Left out, the section keeps its setting. */
  showsAgeNotice?: boolean;
}): Promise<TaxonomyResult<{ section: SectionForManagement }>> {
  const staff = await requireStaff("editor");
  const sectionName = name.trim();
  if (!sectionSlug(sectionName)) return invalid(NO_SECTION_NAME);
  return getDb().transaction(async (tx): Promise<TaxonomyResult<{ section: SectionForManagement }>> => {
    await lockTaxonomy(tx, "category");
    const [previous] = await tx.select(sectionColumns).from(sections).where(eq(sections.id, id)).limit(1);
    if (!previous) throw new NotFoundError(SECTION_GONE);
    if (await sectionNamed(tx, sectionName, id))
      return invalid(`There is already a section called “${sectionName}”. Choose another name.`);
    const [section] = await tx
      .update(sections)
      .set({ name: sectionName, description: description.trim(), showsAgeNotice, updatedAt: new Date() })
      .where(eq(sections.id, id))
      .returning(sectionColumns);
    await recordAudit(tx, {
      actor: staff,
      action: "category.updated",
      entity: "category",
      entityId: id,
      details: {
        from: { name: previous.name, description: previous.description, showsAgeNotice: previous.showsAgeNotice },
        to: { name: sectionName, description: description.trim(), showsAgeNotice: section!.showsAgeNotice },
      },
    });
    // The section's story pages pick up a changed age notice when they are next re-rendered,
    // within their revalidation time: expiring every story of a large section at once would not pay.
    return { status: "ok", section: section!, expired: sectionExpiry(previous.slug) };
  });
}

async function renumberSections(tx: Transaction, order: SectionForManagement[]) {
  for (const [position, section] of order.entries()) {
    if (section.position !== position) await tx.update(sections).set({ position }).where(eq(sections.id, section.id));
  }
}

/** Swaps the section with its neighbour, then numbers every section 0..n-1 so no two ever share a position. */
export async function moveSection({
  id,
  direction,
}: {
  id: string;
  direction: "up" | "down";
}): Promise<TaxonomyResult<{ section: SectionForManagement }>> {
  const staff = await requireStaff("editor");
  return getDb().transaction(async (tx): Promise<TaxonomyResult<{ section: SectionForManagement }>> => {
    await lockTaxonomy(tx, "category");
    const order = await tx
      .select(sectionColumns)
      .from(sections)
      .orderBy(...navigationOrder);
    const from = order.findIndex((section) => section.id === id);
    const section = order[from];
    if (!section) throw new NotFoundError(SECTION_GONE);
    const to = direction === "up" ? from - 1 : from + 1;
    const neighbour = order[to];
    if (!neighbour)
      return invalid(`“${section.name}” is already ${direction === "up" ? "first" : "last"} in the navigation.`);
    order[to] = section;
    order[from] = neighbour;
    await renumberSections(tx, order);
    await recordAudit(tx, {
      actor: staff,
      action: "category.moved",
      entity: "category",
      entityId: id,
      details: { direction, from, to, swappedWith: neighbour.id },
    });
    // The front page shows the sections in the navigation's order.
    return {
      status: "ok",
      section: { ...section, position: to },
      expired: sectionExpiry(section.slug, readerTags.front),
    };
  });
}
