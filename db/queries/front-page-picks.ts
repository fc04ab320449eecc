import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { canPublish, type Staff } from "@/lib/auth/roles";
import { NotAuthorizedError, requireStaff } from "@/lib/auth/staff";
import { readerTags, type ReaderTag } from "@/lib/cache-tags";
import { getDb } from "../client";
import { articles, frontPagePicks, sections } from "../schema";
import { recordAudit } from "./audit-log";
import { NotFoundError } from "./errors";
import { FRONT_PAGE_TOP_STORIES, newestFirst } from "./front-page";
import { isPublicArticle } from "./public-articles";
import type { Transaction } from "./staff";

export type FrontPagePick = { articleId: string; headline: string; slug: string; sectionName: string };

export type FrontPageChoices = {
  /** What editors pinned, lead first, as readers see it (a pick readers cannot see is left out). */
  picks: FrontPagePick[];
  /** The newest published stories not pinned, to pin. */
  candidates: FrontPagePick[];
};

const CANDIDATES = 40;

async function requireFrontPageEditor(): Promise<Staff> {
  const staff = await requireStaff("editor");
  if (!canPublish(staff)) throw new NotAuthorizedError("forbidden", "Only editors may change the front page.");
  return staff;
}

const pickColumns = {
  articleId: articles.id,
  headline: articles.headline,
  slug: articles.slug,
  sectionName: sections.name,
};

export async function listFrontPageChoices(): Promise<FrontPageChoices> {
  await requireFrontPageEditor();
  const picks = await getDb()
    .select(pickColumns)
    .from(frontPagePicks)
    .innerJoin(articles, eq(articles.id, frontPagePicks.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(isPublicArticle)
    .orderBy(asc(frontPagePicks.position));
  const candidates = await getDb()
    .select(pickColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(
      and(
        isPublicArticle,
        sql`not exists (select 1 from ${frontPagePicks} where ${frontPagePicks.articleId} = ${articles.id})`,
      ),
    )
    .orderBy(...newestFirst)
    .limit(CANDIDATES);
  return { picks, candidates };
}

export type FrontPageChange =
  { status: "ok"; headline: string; place: number; expired: ReaderTag[] } | { status: "invalid"; message: string };

const TOP_IS_FULL =
  `The top of the front page holds ${FRONT_PAGE_TOP_STORIES} stories. ` + "Unpin one before pinning another.";
const NOT_PUBLIC = "Only a published story can go on the front page: publish it first.";
const NOT_PINNED = "That story is no longer pinned: someone may have unpinned it. Reload the page.";

// Picks change rarely and several rows at once; one lock keeps two editors from interleaving renumberings.
const lockFrontPage = (tx: Transaction) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext('newsroom:front-page'))`);

/** The picks readers can see, in order: picks of stories since unpublished or trashed are let go here. */
async function readPicks(tx: Transaction): Promise<string[]> {
  const rows = await tx
    .select({ articleId: frontPagePicks.articleId, public: sql<boolean>`${isPublicArticle}` })
    .from(frontPagePicks)
    .innerJoin(articles, eq(articles.id, frontPagePicks.articleId))
    .orderBy(asc(frontPagePicks.position));
  return rows.filter((row) => row.public).map((row) => row.articleId);
}

async function writePicks(tx: Transaction, order: string[], staff: Staff) {
  await tx.delete(frontPagePicks);
  if (order.length === 0) return;
  await tx
    .insert(frontPagePicks)
    .values(order.map((articleId, position) => ({ articleId, position, pickedById: staff.id })));
}

async function publicHeadline(tx: Transaction, articleId: string): Promise<string | null> {
  const [row] = await tx
    .select({ headline: articles.headline })
    .from(articles)
    .where(and(eq(articles.id, articleId), isPublicArticle))
    .limit(1);
  return row?.headline ?? null;
}

/**
 * Puts the story at the top of the front page: as the lead (everything else moves down one) or
 * after the stories already pinned. Pinning a pinned story as lead moves it there.
 */
export async function pinToFrontPage({ articleId, asLead }: { articleId: string; asLead: boolean }) {
  const staff = await requireFrontPageEditor();
  return getDb().transaction(async (tx): Promise<FrontPageChange> => {
    await lockFrontPage(tx);
    const headline = await publicHeadline(tx, articleId);
    if (headline === null) return { status: "invalid", message: NOT_PUBLIC };
    const others = (await readPicks(tx)).filter((id) => id !== articleId);
    if (others.length >= FRONT_PAGE_TOP_STORIES) return { status: "invalid", message: TOP_IS_FULL };
    const order = asLead ? [articleId, ...others] : [...others, articleId];
    await writePicks(tx, order, staff);
    const place = order.indexOf(articleId);
    await recordAudit(tx, {
      actor: staff,
      action: "front-page.pinned",
      entity: "article",
      entityId: articleId,
      details: { place: place + 1, asLead },
    });
    return { status: "ok", headline, place: place + 1, expired: [readerTags.front] };
  });
}

/** The same pin as the lead, inside a publish's own transaction ("Publish now" with "make this the lead"). */
export async function placeAsLead(tx: Transaction, staff: Staff, articleId: string): Promise<void> {
  await lockFrontPage(tx);
  const others = (await readPicks(tx)).filter((id) => id !== articleId);
  await writePicks(tx, [articleId, ...others.slice(0, FRONT_PAGE_TOP_STORIES - 1)], staff);
  await recordAudit(tx, {
    actor: staff,
    action: "front-page.pinned",
    entity: "article",
    entityId: articleId,
    details: { place: 1, asLead: true, onPublish: true },
  });
}

/** Unpublishing or trashing a story lets its pick go in the same transaction, so it does not come back pinned. */
export async function releaseFrontPagePick(tx: Transaction, articleId: string): Promise<void> {
  await lockFrontPage(tx);
  await tx.delete(frontPagePicks).where(eq(frontPagePicks.articleId, articleId));
}

export async function unpinFromFrontPage({ articleId }: { articleId: string }) {
  const staff = await requireFrontPageEditor();
  return getDb().transaction(async (tx): Promise<FrontPageChange> => {
    await lockFrontPage(tx);
    const order = await readPicks(tx);
    if (!order.includes(articleId)) return { status: "invalid", message: NOT_PINNED };
    await writePicks(
      tx,
      order.filter((id) => id !== articleId),
      staff,
    );
    await recordAudit(tx, { actor: staff, action: "front-page.unpinned", entity: "article", entityId: articleId });
    const [story] = await tx.select({ headline: articles.headline }).from(articles).where(eq(articles.id, articleId));
    return { status: "ok", headline: story?.headline ?? "", place: 0, expired: [readerTags.front] };
  });
}

export async function moveFrontPagePick({ articleId, direction }: { articleId: string; direction: "up" | "down" }) {
  const staff = await requireFrontPageEditor();
  return getDb().transaction(async (tx): Promise<FrontPageChange> => {
    await lockFrontPage(tx);
    const order = await readPicks(tx);
    const from = order.indexOf(articleId);
    if (from === -1) return { status: "invalid", message: NOT_PINNED };
    const to = direction === "up" ? from - 1 : from + 1;
    const neighbour = order[to];
    if (neighbour === undefined)
      return { status: "invalid", message: `That story is already ${direction === "up" ? "the lead" : "last"}.` };
    order[to] = articleId;
    order[from] = neighbour;
    await writePicks(tx, order, staff);
    await recordAudit(tx, {
      actor: staff,
      action: "front-page.moved",
      entity: "article",
      entityId: articleId,
      details: { direction, from: from + 1, to: to + 1 },
    });
    const [story] = await tx.select({ headline: articles.headline }).from(articles).where(eq(articles.id, articleId));
    if (!story) throw new NotFoundError(NOT_PINNED);
    return { status: "ok", headline: story.headline, place: to + 1, expired: [readerTags.front] };
  });
}
