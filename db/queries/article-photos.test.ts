import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArticleModel } from "@/lib/mdx/article-model";
import { articleModelColumns } from "../article-models";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { articlePhotos, articles, sections, media, users } from "../schema";
import { recordArticlePhotos } from "./article-photos";

const UNKNOWN_PHOTO = "6f1c3b0e-8d1a-4c55-9a41-2a7d8e0f9b13";

let sectionId = "";
let authorId = "";
let serial = 0;

async function libraryPhoto(): Promise<string> {
  const [row] = await getDb()
    .insert(media)
    .values({ altText: "Delegates", caption: "Delegates arrive" })
    .returning({ id: media.id });
  return row!.id;
}

/** A story's row with its body's model, as a save writes it (the compiled code is not needed here). */
async function storedArticle(bodyMdx: string, heroMediaId: string | null = null): Promise<string> {
  serial += 1;
  const [row] = await getDb()
    .insert(articles)
    .values({
      slug: `photo-record-${serial}`,
      headline: `Story ${serial}`,
      bodyMdx,
      compiledCode: "",
      sourceHash: "",
      ...articleModelColumns(buildArticleModel(bodyMdx)),
      sectionId: sectionId,
      authorId,
      heroMediaId,
    })
    .returning({ id: articles.id });
  return row!.id;
}

/** A save of a new body and lead photo: the row, then its record, in one transaction. */
async function saved(articleId: string, bodyMdx: string, heroMediaId: string | null) {
  await getDb().transaction(async (tx) => {
    await tx
      .update(articles)
      .set({ bodyMdx, heroMediaId, ...articleModelColumns(buildArticleModel(bodyMdx)) })
      .where(eq(articles.id, articleId));
    await recordArticlePhotos(tx, articleId);
  });
}

async function recorded(articleId: string) {
  const rows = await getDb()
    .select({ mediaId: articlePhotos.mediaId, isLead: articlePhotos.isLead })
    .from(articlePhotos)
    .where(eq(articlePhotos.articleId, articleId));
  return rows.toSorted((a, b) => a.mediaId.localeCompare(b.mediaId));
}

const sortedById = <T extends { mediaId: string }>(rows: T[]) =>
  rows.toSorted((a, b) => a.mediaId.localeCompare(b.mediaId));

/** The backfill at the end of the migration that created article_photos, as it ran on existing databases. */
function backfillStatements(): string[] {
  const migration = readFileSync(path.join(process.cwd(), "db/migrations/0004_article_photos.sql"), "utf8");
  return migration
    .split("--> statement-breakpoint")
    .map((statement) => statement.replace(/^--.*$/gm, "").trim())
    .filter((statement) => statement.startsWith("INSERT INTO"));
}

describe(`which story shows which photo, on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    const [section] = await getDb()
      .insert(sections)
      .values({ slug: "photo-records", name: "Photo records" })
      .returning({ id: sections.id });
    const [author] = await getDb()
      .insert(users)
      .values({ email: "records@newsroom.example", name: "Rec Orders", slug: "rec-orders" })
      .returning({ id: users.id });
    sectionId = section!.id;
    authorId = author!.id;
  });
  afterAll(() => closeDatabase());

  it("records the lead and every Figure photo, replaces them on the next save, and leaves out photos the library lacks", async () => {
    const [lead, first, second] = [await libraryPhoto(), await libraryPhoto(), await libraryPhoto()];
    const article = await storedArticle("");
    const body = `Intro.\n\n<Figure photo="${first.toUpperCase()}" caption="One" />\n\n<Figure photo="${lead}" caption="The lead again" />\n\n<Figure photo="${UNKNOWN_PHOTO}" caption="Gone" />\n\n<Figure caption="Described only" />`;
    await saved(article, body, lead);
    expect(await recorded(article)).toEqual(
      sortedById([
        { mediaId: lead, isLead: true },
        { mediaId: first, isLead: false },
      ]),
    );

    await saved(article, `<Figure photo="${second}" caption="Two" />`, null);
    expect(await recorded(article)).toEqual([{ mediaId: second, isLead: false }]);

    await saved(article, "No photos now.", null);
    expect(await recorded(article)).toEqual([]);
  });

  it("keeps the body's photos when a save changes only the lead photo", async () => {
    const [lead, inBody] = [await libraryPhoto(), await libraryPhoto()];
    const article = await storedArticle(`<Figure photo="${inBody}" caption="In the body" />`);
    await getDb().transaction(async (tx) => {
      await tx.update(articles).set({ heroMediaId: lead }).where(eq(articles.id, article));
      await recordArticlePhotos(tx, article);
    });
    expect(await recorded(article)).toEqual(
      sortedById([
        { mediaId: lead, isLead: true },
        { mediaId: inBody, isLead: false },
      ]),
    );
  });

  it("fills the record for stories saved before it existed, as the next save would", async () => {
    const [lead, first, second] = [await libraryPhoto(), await libraryPhoto(), await libraryPhoto()];
    const articles = [
      {
        bodyMdx: `Intro.\n\n<Figure width="40" photo="${first.toUpperCase()}" caption="A > B" />\n\n<Figure\n  photo="${second}"\n  caption="Two"\n/>\n\n<Figure photo="${lead}" caption="The lead again" />\n\n<Figure photo="${UNKNOWN_PHOTO}" caption="Gone" />`,
        heroMediaId: lead,
      },
      {
        bodyMdx: `<Figure caption="Described only" />\n\n<Figure photo="not-a-photo" caption="x" />`,
        heroMediaId: second,
      },
      { bodyMdx: "Just words.", heroMediaId: null },
    ];
    const ids = await Promise.all(articles.map((article) => storedArticle(article.bodyMdx, article.heroMediaId)));
    const expected = [];
    for (const id of ids) {
      await getDb().transaction((tx) => recordArticlePhotos(tx, id));
      expected.push(await recorded(id));
    }

    await getDb().delete(articlePhotos);
    for (const statement of backfillStatements()) await getDb().execute(sql.raw(statement));
    expect(await Promise.all(ids.map((id) => recorded(id)))).toEqual(expected);
    expect(expected.map((rows) => rows.length)).toEqual([3, 1, 0]);
  });
});
