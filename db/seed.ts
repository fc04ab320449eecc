import "server-only";
import { count, eq, inArray } from "drizzle-orm";
import type { ContentArticle, NewsroomContent } from "@/lib/content/load";
import { SAMPLE_CONTENT_TAG } from "@/lib/content/sample";
import { compileArticle, MdxCompileError } from "@/lib/mdx/compile";
import { parsePublicationTime } from "@/lib/newsroom-time";
import { articleSlug, authorSlug, sectionSlug, tagSlug } from "@/lib/slugs";
import { articleModelColumns, liveEntryModelColumns } from "./article-models";
import { getDb, type Database } from "./client";
import { recordArticlePhotos } from "./queries/article-photos";
import {
  articleBylines,
  articleNotes,
  articleRevisions,
  articles,
  articleTags,
  auditLog,
  frontPagePicks,
  liveEntries,
  media,
  sections,
  tags,
  users,
} from "./schema";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type SeedReport = { created: string[]; skipped: string[] };

export async function isDatabaseEmpty(): Promise<boolean> {
  const [row] = await getDb().select({ total: count() }).from(articles);
  return (row?.total ?? 0) === 0;
}

async function ensureSections(tx: Transaction, content: NewsroomContent): Promise<Map<string, string>> {
  const names = [
    ...content.sections.map((section) => section.name),
    ...content.articles.map((article) => article.frontMatter.section),
  ];
  const described = new Map(content.sections.map((s) => [s.name, s.description]));
  const unique = [...new Map(names.map((name) => [sectionSlug(name), name])).entries()];
  await tx
    .insert(sections)
    .values(
      unique.map(([slug, name], position) => ({
        slug,
        name,
        description: described.get(name) ?? "",
        position,
      })),
    )
    .onConflictDoNothing({ target: sections.slug });
  const rows = await tx
    .select({ id: sections.id, slug: sections.slug })
    .from(sections)
    .where(
      inArray(
        sections.slug,
        unique.map(([slug]) => slug),
      ),
    );
  return new Map(rows.map((row) => [row.slug, row.id]));
}

async function ensureAuthors(tx: Transaction, content: NewsroomContent): Promise<Map<string, string>> {
  const known = new Map(content.authors.map((author) => [authorSlug(author.name), author]));
  const writers = content.articles.flatMap((article) => [
    ...article.frontMatter.author,
    ...(article.frontMatter.live?.entries.map((entry) => entry.author) ?? []),
  ]);
  for (const name of writers) {
    const slug = authorSlug(name);
    if (!known.has(slug)) {
      known.set(slug, {
        name,
        email: `${slug}@newsroom.invalid`,
        role: "writer",
        bio: undefined,
      });
    }
  }
  await tx
    .insert(users)
    .values([...known].map(([slug, a]) => ({ slug, name: a.name, email: a.email, role: a.role, bio: a.bio })))
    .onConflictDoNothing();
  const rows = await tx
    .select({ id: users.id, slug: users.slug })
    .from(users)
    .where(inArray(users.slug, [...known.keys()]));
  return new Map(rows.map((row) => [row.slug, row.id]));
}

async function ensureTags(tx: Transaction, names: string[]): Promise<Map<string, string>> {
  const unique = [...new Map(names.map((name) => [tagSlug(name), name])).entries()];
  if (unique.length === 0) return new Map();
  await tx
    .insert(tags)
    .values(unique.map(([slug, name]) => ({ slug, name })))
    .onConflictDoNothing({ target: tags.slug });
  const rows = await tx
    .select({ id: tags.id, slug: tags.slug })
    .from(tags)
    .where(
      inArray(
        tags.slug,
        unique.map(([slug]) => slug),
      ),
    );
  return new Map(rows.map((row) => [row.slug, row.id]));
}

function articleTagNames(article: ContentArticle): string[] {
  const { tags: names, sample } = article.frontMatter;
  return sample ? [...names, SAMPLE_CONTENT_TAG.name] : names;
}

type Compiled = Awaited<ReturnType<typeof compileArticle>>;

type PreparedArticle = ContentArticle & {
  slug: string;
  compiled: Compiled;
  /** The live entries' compiled bodies, in the order the file lists them. */
  liveEntries: Compiled[];
};

async function prepareArticle(article: ContentArticle): Promise<PreparedArticle> {
  try {
    const compiled = await compileArticle(article.body);
    const liveEntries: Compiled[] = [];
    for (const entry of article.frontMatter.live?.entries ?? []) liveEntries.push(await compileArticle(entry.body));
    const slug = article.frontMatter.slug ?? articleSlug(article.frontMatter.headline);
    return { ...article, slug, compiled, liveEntries };
  } catch (error) {
    if (error instanceof MdxCompileError) {
      throw new Error(`${article.file} cannot be published:\n${error.message}`);
    }
    throw error;
  }
}

async function insertArticle(
  tx: Transaction,
  article: PreparedArticle,
  ids: { sections: Map<string, string>; authors: Map<string, string>; tags: Map<string, string> },
  timeZone: string,
): Promise<boolean> {
  const { frontMatter, compiled } = article;
  const sectionId = ids.sections.get(sectionSlug(frontMatter.section));
  const bylineIds = frontMatter.author.flatMap((name) => ids.authors.get(authorSlug(name)) ?? []);
  // The first writer owns the story (articles.author_id); every writer is one of its bylines.
  const authorId = bylineIds[0];
  if (!sectionId || !authorId || bylineIds.length !== frontMatter.author.length)
    throw new Error(`${article.file}: section or author missing after seeding`);

  const publishedAt = parsePublicationTime(frontMatter.published, timeZone);
  const isPublished = frontMatter.status === "published";
  const [inserted] = await tx
    .insert(articles)
    .values({
      slug: article.slug,
      headline: frontMatter.headline,
      dek: frontMatter.dek,
      bodyMdx: article.body,
      compiledCode: compiled.code,
      sourceHash: compiled.sourceHash,
      ...articleModelColumns(compiled),
      sectionId,
      authorId,
      status: frontMatter.status,
      publishedAt: isPublished ? publishedAt : null,
      firstPublishedAt: isPublished ? publishedAt : null,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    })
    .onConflictDoNothing({ target: articles.slug })
    .returning({ id: articles.id });
  if (!inserted) return false;
  await tx
    .insert(articleBylines)
    .values(bylineIds.map((userId, position) => ({ articleId: inserted.id, userId, position })));

  if (frontMatter.leadPhoto) {
    const photo = frontMatter.leadPhoto;
    const [hero] = await tx
      .insert(media)
      .values({
        altText: photo.alt ?? photo.caption,
        caption: photo.caption,
        camera: photo.camera,
        credit: photo.credit,
        uploadedById: authorId,
      })
      .returning({ id: media.id });
    if (hero) await tx.update(articles).set({ heroMediaId: hero.id }).where(eq(articles.id, inserted.id));
  }
  await recordArticlePhotos(tx, inserted.id);
  const tagIds = articleTagNames(article).flatMap((name) => ids.tags.get(tagSlug(name)) ?? []);
  if (tagIds.length > 0) {
    await tx.insert(articleTags).values([...new Set(tagIds)].map((tagId) => ({ articleId: inserted.id, tagId })));
  }
  await tx.insert(articleRevisions).values({
    articleId: inserted.id,
    version: 1,
    headline: frontMatter.headline,
    dek: frontMatter.dek,
    bodyMdx: article.body,
    fields: { section: frontMatter.section, tags: frontMatter.tags, bylines: bylineIds, source: article.file },
    savedById: authorId,
  });
  await insertNotes(tx, inserted.id, frontMatter.notes);
  await insertLiveCoverage(tx, inserted.id, article, ids.authors);
  await tx.insert(auditLog).values({
    action: "article.seeded",
    entityType: "article",
    entityId: inserted.id,
    detail: { slug: article.slug, file: article.file },
  });
  return true;
}

/** A story the file says is (or was) live coverage: its times, and its entries as the file dates them. */
async function insertLiveCoverage(
  tx: Transaction,
  articleId: string,
  article: PreparedArticle,
  authors: Map<string, string>,
) {
  const live = article.frontMatter.live;
  if (!live) return;
  await tx
    .update(articles)
    .set({ liveStartedAt: new Date(live.started), liveEndedAt: live.ended ? new Date(live.ended) : null })
    .where(eq(articles.id, articleId));
  if (live.entries.length === 0) return;
  const inserted = await tx
    .insert(liveEntries)
    .values(
      live.entries.map((entry, index) => {
        const compiled = article.liveEntries[index]!;
        return {
          articleId,
          title: entry.title ?? null,
          bodyMdx: entry.body,
          compiledCode: compiled.code,
          sourceHash: compiled.sourceHash,
          ...liveEntryModelColumns(compiled),
          authorId: authors.get(authorSlug(entry.author))!,
          pinned: entry.pinned,
          postedAt: new Date(entry.at),
          updatedAt: new Date(entry.at),
        };
      }),
    )
    .returning({ id: liveEntries.id });
  const notes = live.entries.flatMap((entry, index) =>
    entry.notes.map((note) => ({
      articleId,
      liveEntryId: inserted[index]!.id,
      kind: note.kind,
      body: note.text,
      notedAt: new Date(note.at),
    })),
  );
  if (notes.length > 0) await tx.insert(articleNotes).values(notes);
}

/** The story's notes as the file dates them; the newest is when readers were last told it changed. */
async function insertNotes(tx: Transaction, articleId: string, notes: ContentArticle["frontMatter"]["notes"]) {
  if (notes.length === 0) return;
  const dated = notes.map((note) => ({ articleId, kind: note.kind, body: note.text, notedAt: new Date(note.at) }));
  await tx.insert(articleNotes).values(dated);
  const revisedAt = new Date(Math.max(...dated.map((note) => note.notedAt.getTime())));
  await tx.update(articles).set({ revisedAt }).where(eq(articles.id, articleId));
}

/** Pins the stories whose files ask for the front page, leads first, once: a front page editors changed is theirs. */
async function pinFrontPage(tx: Transaction, prepared: PreparedArticle[], created: string[]) {
  const [picked] = await tx.select({ total: count() }).from(frontPagePicks);
  if ((picked?.total ?? 0) > 0) return;
  const place = { lead: 0, top: 1 } as const;
  const asked = prepared
    .filter((article) => article.frontMatter.frontPage && created.includes(article.slug))
    .sort((a, b) => place[a.frontMatter.frontPage!] - place[b.frontMatter.frontPage!]);
  if (asked.length === 0) return;
  const rows = await tx
    .select({ id: articles.id, slug: articles.slug })
    .from(articles)
    .where(
      inArray(
        articles.slug,
        asked.map((article) => article.slug),
      ),
    );
  const idOf = new Map(rows.map((row) => [row.slug, row.id]));
  await tx
    .insert(frontPagePicks)
    .values(asked.map((article, position) => ({ articleId: idOf.get(article.slug)!, position })));
}

/**
 * Adds every article in `content/` that the database does not have yet, keyed by
 * slug, so running it twice changes nothing.
 */
export async function seedNewsroom(content: NewsroomContent, timeZone: string): Promise<SeedReport> {
  // Compile before the transaction opens: a broken article stops the seed before anything is written.
  const prepared = await Promise.all(content.articles.map(prepareArticle));
  const report: SeedReport = { created: [], skipped: [] };
  await getDb().transaction(async (tx) => {
    const ids = {
      sections: await ensureSections(tx, content),
      authors: await ensureAuthors(tx, content),
      tags: await ensureTags(tx, content.articles.flatMap(articleTagNames)),
    };
    for (const article of prepared) {
      const created = await insertArticle(tx, article, ids, timeZone);
      (created ? report.created : report.skipped).push(article.slug);
    }
    await pinFrontPage(tx, prepared, report.created);
  });
  return report;
}
