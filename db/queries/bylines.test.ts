import path from "node:path";
import { eq } from "drizzle-orm";
import RssParser from "rss-parser";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as authorRss } from "@/app/(site)/author/[slug]/rss.xml/route";
import { saveArticleAction } from "@/app/admin/(newsroom)/articles/actions";
import { ArticleByline } from "@/components/article-byline";
import type { Staff } from "@/lib/auth/roles";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { loadNewsroomContent } from "@/lib/content/load";
import { routes } from "@/lib/routes";
import { site } from "@/lib/site";
import { signInAs } from "@/test/staff-session";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { users } from "../schema";
import { seedNewsroom } from "../seed";
import { getPublishedArticle, listAuthorArticles } from "./articles";
import { getAuthorProfile } from "./authors";
import {
  createArticleDraft,
  getArticleForEditing,
  listArticleRevisions,
  listNewsroomArticles,
  publishArticle,
  restoreArticleRevision,
  saveArticle,
} from "./newsroom-articles";
import { getSection } from "./sections";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "./staff";

vi.mock("@/lib/auth", () => import("@/test/staff-session"));

const PASSWORD = "correct horse battery staple";
const TWO_WRITER_STORY = "drought-pushes-tollan-valley-farmers-from-rice-to-millet";
const OWN_NAME_OFF = "You cannot take your own name off a story you are writing; ask an editor.";

type Actor = "editor" | "reporter" | "colleague" | "outsider";
const staff: Partial<Record<Actor, Staff & { slug: string }>> = {};
let sectionId = "";

const as = (actor: Actor) => staff[actor]!;

async function draftBy(actor: Actor, headline: string, bylines?: Actor[]) {
  signInAs(as(actor));
  const created = await createArticleDraft({
    headline,
    dek: "A standfirst.",
    sectionId,
    tags: [],
    bodyMdx: "The first paragraph, as filed.",
    bylines: bylines?.map((writer) => as(writer).id),
  });
  if (created.status !== "saved") throw new Error(`"${headline}" was not saved: ${JSON.stringify(created)}`);
  return created;
}

async function writerFeedLinks(slug: string): Promise<string[]> {
  const response = await authorRss(new Request(`http://localhost:3000/author/${slug}/rss.xml`), {
    params: Promise.resolve({ slug }),
  });
  expect(response.status).toBe(200);
  const feed = await new RssParser().parseString(await response.text());
  return feed.items.map((item) => item.link ?? "");
}

describe(`a story's bylines on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await seedNewsroom(await loadNewsroomContent(path.join(process.cwd(), "content")), "UTC");
    sectionId = (await getSection({ slug: "world" }))!.id;
    await createFirstAdministrator({ name: "Ada Admin", email: "ada@newsroom.example", password: PASSWORD });
    for (const [actor, name, role] of [
      ["editor", "Edna Desk", "editor"],
      ["reporter", "Rhys Field", "writer"],
      ["colleague", "Cara Byline", "writer"],
      ["outsider", "Otto Elsewhere", "writer"],
    ] as const) {
      const account = await provisionStaffAccountFromCommandLine({
        name,
        email: `${actor}@newsroom.example`,
        role,
        password: PASSWORD,
      });
      const [row] = await getDb().select({ slug: users.slug }).from(users).where(eq(users.id, account.id));
      staff[actor] = { ...account, slug: row!.slug };
    }
  });

  beforeEach(() => signInAs(undefined));
  afterAll(() => closeDatabase());

  describe("for readers", () => {
    it('credits the sample two-writer story "By Priya Halvorsen and Ines Calloway", each name linking to its page', async () => {
      const story = await getPublishedArticle({ slug: TWO_WRITER_STORY });
      expect(story?.authors).toEqual([
        { slug: "priya-halvorsen", name: "Priya Halvorsen" },
        { slug: "ines-calloway", name: "Ines Calloway" },
      ]);
      const html = renderToStaticMarkup(ArticleByline({ article: story! }));
      const byline = html.match(/<p>(.*?)<\/p>/)?.[1]?.replace(/<[^>]+>/g, "");
      expect(byline).toBe("By Priya Halvorsen and Ines Calloway");
      const authorLinks = [...html.matchAll(/<a ([^>]*)>/g)]
        .map(([, attributes]) => attributes ?? "")
        .filter((attributes) => attributes.includes('rel="author"'))
        .map((attributes) => /href="([^"]+)"/.exec(attributes)?.[1]);
      expect(authorLinks).toEqual(["/author/priya-halvorsen", "/author/ines-calloway"]);
    });

    it("lists a two-writer story on both writers' pages and in both writers' feeds", async () => {
      for (const slug of ["priya-halvorsen", "ines-calloway"]) {
        const writer = await getAuthorProfile({ slug });
        const listed = (await listAuthorArticles({ authorId: writer!.id })).articles.map((article) => article.slug);
        expect(listed, slug).toContain(TWO_WRITER_STORY);
        expect(await writerFeedLinks(slug), slug).toContain(new URL(routes.article(TWO_WRITER_STORY), site.url).href);
      }
    });

    it("answers a writer's feed for a slug nobody has with a 404", async () => {
      const response = await authorRss(new Request("http://localhost:3000/author/nobody-here/rss.xml"), {
        params: Promise.resolve({ slug: "nobody-here" }),
      });
      expect(response.status).toBe(404);
    });
  });

  describe("in the newsroom", () => {
    it("starts a new story with whoever writes it as its only byline", async () => {
      const created = await draftBy("reporter", "A story of one's own");
      const story = await getArticleForEditing({ id: created.id });
      expect(story?.bylines).toEqual([{ id: as("reporter").id, name: "Rhys Field" }]);
    });

    it("lets a writer on the byline edit the draft and send it for review, but not publish it", async () => {
      const created = await draftBy("reporter", "Harbour pilots strike", ["reporter", "colleague"]);
      signInAs(as("colleague"));
      const story = await getArticleForEditing({ id: created.id });
      expect(story?.bylines.map((byline) => byline.name)).toEqual(["Rhys Field", "Cara Byline"]);
      const sent = await saveArticle({
        id: created.id,
        expectedVersion: created.version,
        bodyMdx: "The first paragraph, with the colleague's quotes.",
        intent: "review",
      });
      expect(sent).toMatchObject({ status: "saved", standing: "draft" });
      const listed = await listNewsroomArticles({ page: 1, authorSlug: as("colleague").slug });
      expect(listed.articles.find((row) => row.id === created.id)?.bylineNames).toEqual(["Rhys Field", "Cara Byline"]);
      await expect(publishArticle({ id: created.id })).rejects.toThrow(NotAuthorizedError);
    });

    it("keeps a writer who is not on the byline out of the draft and out of their story list", async () => {
      const created = await draftBy("reporter", "Lighthouse keepers return", ["reporter", "colleague"]);
      signInAs(as("outsider"));
      await expect(getArticleForEditing({ id: created.id })).rejects.toThrow(
        "You can only edit drafts that carry your byline.",
      );
      await expect(
        saveArticle({ id: created.id, expectedVersion: created.version, headline: "Taken over" }),
      ).rejects.toThrow(NotAuthorizedError);
      expect((await listNewsroomArticles({ page: 1 })).articles.map((row) => row.id)).not.toContain(created.id);
    });

    it("refuses a writer taking their own name off the story, and lets an editor do it", async () => {
      const created = await draftBy("reporter", "Ferry fares frozen", ["reporter", "colleague"]);
      const refused = await saveArticle({
        id: created.id,
        expectedVersion: created.version,
        bylines: [as("colleague").id],
      });
      expect(refused).toMatchObject({ status: "invalid", reason: "bylines", message: OWN_NAME_OFF });

      signInAs(as("editor"));
      const saved = await saveArticle({
        id: created.id,
        expectedVersion: created.version,
        bylines: [as("colleague").id],
      });
      expect(saved.status).toBe("saved");
      expect((await getArticleForEditing({ id: created.id }))?.authorId).toBe(as("colleague").id);
      signInAs(as("reporter"));
      await expect(getArticleForEditing({ id: created.id })).rejects.toThrow(NotAuthorizedError);
    });

    it("refuses a byline that names nobody on staff or among the contributors", async () => {
      const created = await draftBy("reporter", "Ghost writer");
      const refused = await saveArticle({
        id: created.id,
        expectedVersion: created.version,
        bylines: [as("reporter").id, "00000000-0000-4000-8000-000000000000"],
      });
      expect(refused).toMatchObject({ status: "invalid", reason: "bylines" });
    });

    it("expires the pages of the writer taken off a published story as well as those of the writers on it", async () => {
      const created = await draftBy("reporter", "Night trains to the coast", ["reporter", "colleague"]);
      signInAs(as("editor"));
      const published = await publishArticle({ id: created.id });
      if (published.status === "invalid") throw new Error(published.message);
      const saved = await saveArticle({
        id: created.id,
        expectedVersion: published.version,
        bylines: [as("colleague").id, as("outsider").id],
      });
      if (saved.status !== "saved") throw new Error(saved.status);
      expect(saved.expired).toEqual(
        expect.arrayContaining([
          `author:${as("reporter").slug}`,
          `author:${as("colleague").slug}`,
          `author:${as("outsider").slug}`,
        ]),
      );
      const reporterStories = await listAuthorArticles({ authorId: as("reporter").id });
      expect(reporterStories.articles.map((article) => article.id)).not.toContain(created.id);
      const story = await getPublishedArticle({ slug: published.slug });
      expect(story?.authors.map((author) => author.name)).toEqual(["Cara Byline", "Otto Elsewhere"]);
    });

    it("brings the bylines back when an earlier revision is restored", async () => {
      const created = await draftBy("reporter", "Tide tables revised", ["reporter"]);
      const widened = await saveArticle({
        id: created.id,
        expectedVersion: created.version,
        bylines: [as("reporter").id, as("colleague").id],
      });
      if (widened.status !== "saved") throw new Error(widened.status);
      const first = (await listArticleRevisions({ id: created.id })).find((revision) => revision.version === 1);
      // Taking a colleague's name off is an editor's call, a restore's too.
      signInAs(as("editor"));
      const restored = await restoreArticleRevision({
        id: created.id,
        revisionId: first!.id,
        expectedVersion: widened.version,
      });
      expect(restored.status).toBe("saved");
      expect((await getArticleForEditing({ id: created.id }))?.bylines.map((byline) => byline.name)).toEqual([
        "Rhys Field",
      ]);
    });

    it("takes the bylines from the editor's form in the order given, and says why it refuses a list", async () => {
      const created = await draftBy("reporter", "Pier repairs begin");
      const form = (bylines: string) => {
        const data = new FormData();
        for (const [name, value] of Object.entries({
          id: created.id,
          expectedVersion: String(created.version),
          headline: "Pier repairs begin",
          sectionId,
          bodyMdx: "The first paragraph, as filed.",
          heroMediaId: "",
          bylines,
          intent: "save",
        }))
          data.set(name, value);
        return data;
      };
      signInAs(as("reporter"));
      const duplicated = await saveArticleAction(undefined, form(`${as("reporter").id},${as("reporter").id}`));
      expect(duplicated).toMatchObject({ status: "invalid", fieldErrors: { bylines: ["Name each writer once."] } });
      const saved = await saveArticleAction(undefined, form(`${as("reporter").id},${as("colleague").id}`));
      expect(saved).toMatchObject({ status: "ok" });
      expect((await getArticleForEditing({ id: created.id }))?.bylines.map((byline) => byline.name)).toEqual([
        "Rhys Field",
        "Cara Byline",
      ]);
    });

    it("leaves taking a colleague off, or putting another name first, to an editor", async () => {
      const created = await draftBy("reporter", "Harbour wall repaired", ["reporter", "colleague"]);
      signInAs(as("reporter"));
      const refusal = {
        status: "invalid",
        message: "Only an editor can take a colleague's name off a story or change whose name comes first: ask one.",
      };
      for (const bylines of [[as("reporter").id], [as("colleague").id, as("reporter").id]]) {
        expect(await saveArticle({ id: created.id, expectedVersion: created.version, bylines })).toMatchObject(refusal);
      }
      signInAs(as("editor"));
      const reordered = await saveArticle({
        id: created.id,
        expectedVersion: created.version,
        bylines: [as("colleague").id, as("reporter").id],
      });
      expect(reordered.status).toBe("saved");
    });
  });
});
