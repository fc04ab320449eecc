import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "@/db/client";
import { addArticleNote, listArticleNotesForStaff } from "@/db/queries/article-notes";
import { listFrontPageChoices, pinToFrontPage, unpinFromFrontPage } from "@/db/queries/front-page-picks";
import { getLiveCoverageForStaff, postLiveEntry, startLiveCoverage } from "@/db/queries/live-coverage";
import { uploadPhoto } from "@/db/queries/media";
import {
  createArticleDraft,
  listArticleRevisions,
  moveArticleToTrash,
  saveArticle,
} from "@/db/queries/newsroom-articles";
import { createFirstAdministrator, findSessionStaff } from "@/db/queries/staff";
import { createStaffAccount, setStaffDisabled } from "@/db/queries/staff-accounts";
import { createSection, createTag } from "@/db/queries/taxonomy";
import * as schema from "@/db/schema";
import type { Staff } from "@/lib/auth/roles";
import { NotAuthorizedError, requireStaff } from "@/lib/auth/staff";
import { signInAs } from "@/test/auth-stand-in";
import { createFirstAdministratorAction } from "./admin/setup/actions";

vi.mock("@/lib/auth", () => import("@/test/auth-stand-in"));
// next-auth's entry loads `next/server`, which Vitest's Node cannot resolve outside Next; the sign-in
// action needs only its error classes, which next-auth re-exports from @auth/core.
vi.mock("next-auth", () => import("@auth/core/errors"));

/**
 * Any exported server action, and any route handler, is a public HTTP endpoint whatever the proxy
 * does. This file finds them all on disk and calls each as a visitor without a session: every one
 * must refuse and leave the database as it was, unless PUBLIC below says why anyone may call it.
 * A new action or handler fails here until it is listed one way or the other.
 */

const root = path.resolve(import.meta.dirname, "..");
// A "use server" module outside app/ becomes an endpoint as soon as a page imports it.
const SOURCE_FOLDERS = ["app", "components", "lib"];
const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];
// Next serves these files as GET route handlers too, answering with their default export.
const METADATA_ROUTE = /\/(robots|sitemap|manifest|icon|apple-icon|opengraph-image|twitter-image)\.tsx?$/;

type Call = (...args: unknown[]) => Promise<unknown>;
type EntryPoint = { file: string; name: string; call: Call };

const sourceFiles = SOURCE_FOLDERS.flatMap((folder) =>
  readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
    .map((file) => path.posix.join(folder, file.split(path.sep).join("/")))
    .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file)),
);

const LEADING_COMMENTS = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/;
const USE_SERVER_LINE = /^\s*(["'])use server\1;?\s*$/gm;

const isServerActionModule = (source: string) => /^(["'])use server\1/.test(source.replace(LEADING_COMMENTS, ""));

/** Which of a file's exports Next answers requests with; null for a file it serves none from. */
function requestHandlers(file: string): ((name: string) => boolean) | null {
  if (isServerActionModule(readFileSync(path.join(root, file), "utf8"))) return () => true;
  if (!file.startsWith("app/")) return null;
  if (/\/route\.tsx?$/.test(file)) return (name) => HTTP_METHODS.includes(name);
  if (METADATA_ROUTE.test(file)) return (name) => name === "default";
  return null;
}

async function discoverEntryPoints(): Promise<EntryPoint[]> {
  const found: EntryPoint[] = [];
  for (const file of sourceFiles) {
    const handles = requestHandlers(file);
    if (!handles) continue;
    const exported: Record<string, unknown> = await import(/* @vite-ignore */ path.join(root, file));
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function" && handles(name)) found.push({ file, name, call: value as Call });
    }
  }
  return found;
}

const entryPoints = await discoverEntryPoints();

/** Entry points anyone may call, each with the reason; everything else must refuse a visitor. */
const PUBLIC: Record<string, Record<string, string>> = {
  "app/login/actions.ts": { signInAction: "signing in: Auth.js checks the password, and the throttle slows guessing" },
  "app/admin/setup/actions.ts": {
    createFirstAdministratorAction: "creates the first administrator only while no account exists (tried below)",
  },
  "app/api/auth/[...nextauth]/route.ts": {
    GET: "Auth.js's own session, CSRF and sign-out endpoints",
    POST: "Auth.js's credentials sign-in, throttled like the form",
  },
  "app/api/health/route.ts": { GET: "database status for load balancers, no content" },
  "app/rss.xml/route.ts": { GET: "the site feed: published stories only" },
  "app/atom.xml/route.ts": { GET: "the site feed: published stories only" },
  "app/feed.json/route.ts": { GET: "the site feed: published stories only" },
  "app/(site)/category/[slug]/rss.xml/route.ts": { GET: "a section's feed: published stories only" },
  "app/(site)/tag/[slug]/rss.xml/route.ts": { GET: "a tag's feed: published stories only" },
  "app/(site)/articles/[slug]/live/route.ts": { GET: "a live story's poll: counts of its published entries only" },
  "app/(site)/articles/[slug]/live.xml/route.ts": { GET: "a live story's feed: its published entries only" },
  "app/(site)/corrections/rss.xml/route.ts": { GET: "the corrections feed: notes on published stories only" },
  "app/(site)/author/[slug]/rss.xml/route.ts": { GET: "a writer's feed: published stories only" },
  "app/sitemap.xml/route.ts": { GET: "sitemap index for search engines: published stories only" },
  "app/sitemaps/[file]/route.ts": { GET: "sitemap pages for search engines: published stories only" },
  "app/news-sitemap.xml/route.ts": { GET: "news sitemap: published stories only" },
  "app/media/[id]/route.ts": { GET: "photos: getPhotoFile shows a visitor only those a public story uses" },
  "app/media/[id]/[width]/route.ts": { GET: "photos: getPhotoFile shows a visitor only those a public story uses" },
  "app/(site)/articles/[slug]/opengraph-image/route.tsx": { GET: "a published story's social card" },
  "app/robots.ts": { default: "robots.txt: rules for crawlers, no content" },
};

type Attempt = {
  /** What an administrator achieves with the same call: proof that the visitor was refused for the session alone. */
  does: string;
  /** Whether that call writes to the database; reads and previews do not. */
  writes: boolean;
  /** Sets up, as an administrator, what the call needs; builds its arguments afresh for each caller, as a Request body reads only once. */
  prepare: () => Promise<() => unknown[]>;
};

const PASSWORD = "a long and unusual passphrase";
let administrator: Staff;
let sectionId = "";
let counter = 0;
const unique = (stem: string) => `${stem} ${++counter}`;

const IDLE = { status: "idle" };
function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
const formAction = (fields: Record<string, string | Blob>) => () => [IDLE, form(fields)];
const formOnly = (fields: Record<string, string>) => () => [form(fields)];

const photoBytes = (name: string) => new Uint8Array(readFileSync(path.join(root, "test/fixtures/photos", name)));

async function article(): Promise<{ id: string; version: number }> {
  const result = await createArticleDraft({
    headline: unique("Harbour lights"),
    dek: "A standfirst.",
    sectionId,
    tags: [],
    bodyMdx: "A paragraph.",
  });
  if (result.status !== "saved") throw new Error("The fixture story was not saved.");
  return result;
}

async function publishedArticle(): Promise<string> {
  const result = await createArticleDraft({
    headline: unique("Harbour reopens"),
    dek: "A standfirst.",
    sectionId,
    tags: [],
    bodyMdx: "A paragraph.",
    intent: "publish",
  });
  if (result.status !== "saved") throw new Error("The fixture story was not published.");
  return result.id;
}

async function correction(): Promise<string> {
  const articleId = await publishedArticle();
  await addArticleNote({ articleId, kind: "correction", body: "An earlier version named the wrong harbour." });
  const [note] = await listArticleNotesForStaff({ articleId });
  return note!.id;
}

/** A published story turned into live coverage, with one entry: answers both ids. */
async function liveStory(): Promise<{ articleId: string; entryId: string }> {
  const articleId = await publishedArticle();
  await startLiveCoverage({ articleId, entriesNeedReview: false });
  await postLiveEntry({ articleId, title: "", bodyMdx: "Monitors crossed at dawn." });
  const { entries } = await getLiveCoverageForStaff({ articleId });
  return { articleId, entryId: entries[0]!.id };
}

/** The top of the front page holds a few stories: each attempt starts with none pinned, so none is refused as full. */
async function clearFrontPage() {
  for (const pick of (await listFrontPageChoices()).picks) await unpinFromFrontPage({ articleId: pick.articleId });
}

const articleFields = () => ({
  headline: unique("Night ferries"),
  dek: "A standfirst.",
  sectionId,
  bodyMdx: "A paragraph.",
});

async function tag(): Promise<string> {
  const result = await createTag({ name: unique("Lighthouses") });
  if (result.status !== "ok") throw new Error(result.message);
  return result.tag.id;
}

async function section(): Promise<string> {
  const result = await createSection({ name: unique("Harbour"), description: "" });
  if (result.status !== "ok") throw new Error(result.message);
  return result.section.id;
}

const colleague = () =>
  createStaffAccount({
    name: unique("Wren"),
    email: `wren-${++counter}@newsroom.example`,
    role: "writer",
    password: PASSWORD,
  });

function articleRequest(id: string, init: RequestInit = {}) {
  return () => [new Request(`http://localhost/api/articles/${id}`, init), { params: Promise.resolve({ id }) }];
}

const GUARDED: Record<string, Record<string, [Attempt, ...Attempt[]]>> = {
  "app/admin/(newsroom)/actions.ts": {
    signOutAction: [{ does: "ends every session of the account", writes: true, prepare: async () => () => [] }],
  },
  "app/admin/(newsroom)/articles/actions.ts": {
    saveArticleAction: [
      { does: "creates a draft", writes: true, prepare: async () => formAction(articleFields()) },
      {
        does: "saves over a story",
        writes: true,
        prepare: async () => {
          const { id, version } = await article();
          return formAction({ id, expectedVersion: String(version), ...articleFields() });
        },
      },
      {
        does: "sends a draft for review",
        writes: true,
        prepare: async () => {
          const { id, version } = await article();
          return formAction({ id, expectedVersion: String(version), ...articleFields(), intent: "review" });
        },
      },
    ],
    returnToWriterAction: [
      {
        does: "returns a story to its writer with a note",
        writes: true,
        prepare: async () => {
          const { id, version } = await article();
          await saveArticle({ id, expectedVersion: version, ...articleFields(), tags: [], intent: "review" });
          return formAction({ id, expectedVersion: String(version + 1), note: "Name the harbour." });
        },
      },
    ],
    previewArticleAction: [{ does: "previews a story", writes: false, prepare: async () => () => ["A paragraph."] }],
    restoreRevisionAction: [
      {
        does: "restores an earlier revision",
        writes: true,
        prepare: async () => {
          const { id, version } = await article();
          await saveArticle({ id, expectedVersion: version, ...articleFields(), tags: [] });
          const [, first] = await listArticleRevisions({ id });
          return formOnly({ id, revisionId: first!.id, expectedVersion: String(version + 1) });
        },
      },
    ],
    trashArticleAction: [
      { does: "moves a story to the trash", writes: true, prepare: async () => formOnly({ id: (await article()).id }) },
    ],
    restoreFromTrashAction: [
      {
        does: "restores a story from the trash",
        writes: true,
        prepare: async () => {
          const { id } = await article();
          await moveArticleToTrash({ id });
          return formOnly({ id });
        },
      },
    ],
  },
  "app/admin/(newsroom)/articles/note-actions.ts": {
    addArticleNoteAction: [
      {
        does: "adds a correction to a published story",
        writes: true,
        prepare: async () =>
          formAction({ articleId: await publishedArticle(), kind: "correction", body: "The harbour is Callowmere." }),
      },
    ],
    editArticleNoteAction: [
      {
        does: "rewords a correction",
        writes: true,
        prepare: async () => formAction({ noteId: await correction(), kind: "correction", body: "Reworded." }),
      },
    ],
    deleteArticleNoteAction: [
      { does: "deletes a correction", writes: true, prepare: async () => formAction({ noteId: await correction() }) },
    ],
  },
  "app/admin/(newsroom)/articles/live-actions.ts": {
    startLiveCoverageAction: [
      {
        does: "turns a story into live coverage",
        writes: true,
        prepare: async () => formAction({ articleId: await publishedArticle() }),
      },
    ],
    endLiveCoverageAction: [
      {
        does: "ends live coverage",
        writes: true,
        prepare: async () => formAction({ articleId: (await liveStory()).articleId }),
      },
    ],
    postLiveEntryAction: [
      {
        does: "posts a live entry",
        writes: true,
        prepare: async () => formAction({ articleId: (await liveStory()).articleId, bodyMdx: "The border reopened." }),
      },
    ],
    editLiveEntryAction: [
      {
        does: "edits a live entry",
        writes: true,
        prepare: async () =>
          formAction({ entryId: (await liveStory()).entryId, expectedVersion: "1", bodyMdx: "Crossed at dusk." }),
      },
    ],
    deleteLiveEntryAction: [
      {
        does: "deletes a live entry",
        writes: true,
        prepare: async () => formAction({ entryId: (await liveStory()).entryId }),
      },
    ],
    pinLiveEntryAction: [
      {
        does: "pins a live entry",
        writes: true,
        prepare: async () => formAction({ entryId: (await liveStory()).entryId, pinned: "yes" }),
      },
    ],
    storyFromLiveEntryAction: [
      {
        does: "makes a draft story of a live entry",
        writes: true,
        prepare: async () => formAction({ entryId: (await liveStory()).entryId }),
      },
    ],
    approveLiveEntryAction: [
      {
        does: "lets a waiting entry through",
        writes: true,
        prepare: async () => {
          const { articleId } = await liveStory();
          await startLiveCoverage({ articleId, entriesNeedReview: true });
          const writer = await colleague();
          signInAs(await findSessionStaff({ id: writer.id }));
          await postLiveEntry({ articleId, title: "", bodyMdx: "Waiting for the desk." });
          await signInAsAdministrator();
          const { entries } = await getLiveCoverageForStaff({ articleId });
          return formAction({ entryId: entries.find((entry) => entry.status === "pending")!.id });
        },
      },
    ],
  },
  "app/admin/(newsroom)/front-page/actions.ts": {
    pinStoryAction: [
      {
        does: "makes a story the front page's lead",
        writes: true,
        prepare: async () => {
          await clearFrontPage();
          return formAction({ articleId: await publishedArticle(), place: "lead" });
        },
      },
    ],
    unpinStoryAction: [
      {
        does: "unpins a story from the front page",
        writes: true,
        prepare: async () => {
          await clearFrontPage();
          const articleId = await publishedArticle();
          await pinToFrontPage({ articleId, asLead: true });
          return formAction({ articleId });
        },
      },
    ],
    moveStoryAction: [
      {
        does: "moves a pinned story up",
        writes: true,
        prepare: async () => {
          await clearFrontPage();
          const articleId = await publishedArticle();
          await pinToFrontPage({ articleId, asLead: true });
          await pinToFrontPage({ articleId: await publishedArticle(), asLead: true });
          return formAction({ articleId, direction: "up" });
        },
      },
    ],
  },
  "app/admin/(newsroom)/photos/actions.ts": {
    updatePhotoTextAction: [
      {
        does: "describes a photo",
        writes: true,
        prepare: async () => {
          const upload = await uploadPhoto({ bytes: photoBytes("photo.webp"), originalName: "photo.webp" });
          if (upload.status !== "ok") throw new Error(upload.message);
          return formAction({
            id: upload.photo.id,
            altText: "A ferry at dusk",
            caption: "The last ferry leaves.",
            credit: "Staff",
          });
        },
      },
    ],
    markPhotoGraphicAction: [
      {
        does: "marks a photo graphic",
        writes: true,
        prepare: async () => {
          const upload = await uploadPhoto({ bytes: photoBytes("photo.webp"), originalName: "photo.webp" });
          if (upload.status !== "ok") throw new Error(upload.message);
          return formAction({ id: upload.photo.id, graphic: "on", graphicWarning: "This image shows the dead." });
        },
      },
    ],
    findPhotosAction: [
      { does: "searches the photo library", writes: false, prepare: async () => formAction({ q: "ferry", page: "1" }) },
    ],
    describePhotoFromStoryAction: [
      {
        does: "fills a photo's caption and alt text from a story",
        writes: true,
        prepare: async () => {
          const upload = await uploadPhoto({ bytes: photoBytes("camera-and-gps.jpg"), originalName: "ferry.jpg" });
          if (upload.status !== "ok") throw new Error(upload.message);
          return () => [{ id: upload.photo.id, caption: "The last ferry leaves.", altText: "A ferry at dusk" }];
        },
      },
    ],
  },
  "app/admin/(newsroom)/sections/actions.ts": {
    createSectionAction: [
      {
        does: "creates a section",
        writes: true,
        prepare: async () => formAction({ name: unique("Weather"), description: "" }),
      },
    ],
    updateSectionAction: [
      {
        does: "renames a section",
        writes: true,
        prepare: async () =>
          formAction({ id: await section(), name: unique("Coast"), description: "Along the shore." }),
      },
    ],
    moveSectionAction: [
      {
        does: "moves a section",
        writes: true,
        prepare: async () => formAction({ id: await section(), direction: "up" }),
      },
    ],
  },
  "app/admin/(newsroom)/staff/actions.ts": {
    createStaffAction: [
      {
        does: "creates a staff account",
        writes: true,
        prepare: async () =>
          formAction({
            name: "Mallory",
            email: `mallory-${++counter}@newsroom.example`,
            role: "admin",
            password: PASSWORD,
          }),
      },
    ],
    changeStaffAccountAction: [
      {
        does: "changes a role",
        writes: true,
        prepare: async () => formAction({ change: "role", id: (await colleague()).id, role: "admin" }),
      },
      {
        does: "disables an account",
        writes: true,
        prepare: async () => formAction({ change: "disable", id: (await colleague()).id }),
      },
      {
        does: "enables an account",
        writes: true,
        prepare: async () => {
          const { id } = await colleague();
          await setStaffDisabled({ id, disabled: true });
          return formAction({ change: "enable", id });
        },
      },
      {
        does: "resets a password",
        writes: true,
        prepare: async () =>
          formAction({ change: "password", id: (await colleague()).id, password: `${PASSWORD} again` }),
      },
    ],
  },
  "app/admin/(newsroom)/tags/actions.ts": {
    createTagAction: [
      { does: "creates a tag", writes: true, prepare: async () => formAction({ name: unique("Ferries") }) },
    ],
    renameTagAction: [
      {
        does: "renames a tag",
        writes: true,
        prepare: async () => formAction({ id: await tag(), name: unique("Boats") }),
      },
    ],
    mergeTagAction: [
      {
        does: "merges two tags",
        writes: true,
        prepare: async () => formAction({ sourceId: await tag(), targetId: await tag() }),
      },
    ],
    deleteTagAction: [{ does: "deletes a tag", writes: true, prepare: async () => formAction({ id: await tag() }) }],
  },
  "app/api/photos/route.ts": {
    POST: [
      {
        does: "uploads a photo",
        writes: true,
        prepare: async () => () => {
          const body = form({ photo: new File([photoBytes("plain.png")], "plain.png", { type: "image/png" }) });
          return [
            new Request("http://localhost/api/photos", {
              method: "POST",
              headers: { Accept: "application/json" },
              body,
            }),
          ];
        },
      },
    ],
  },
  "app/api/articles/[id]/route.ts": {
    GET: [{ does: "reads a draft", writes: false, prepare: async () => articleRequest((await article()).id) }],
    PUT: [
      {
        does: "saves a story",
        writes: true,
        prepare: async () => {
          const { id, version } = await article();
          const body = JSON.stringify({ expectedVersion: version, ...articleFields() });
          return articleRequest(id, { method: "PUT", headers: { "Content-Type": "application/json" }, body });
        },
      },
    ],
  },
};

type Answer = { returned: unknown } | { redirectedTo: string } | { refused: NotAuthorizedError };

// Next's redirect() throws an error whose digest is "NEXT_REDIRECT;<type>;<url>;<status>;".
function redirectTarget(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;") ? (digest.split(";")[2] ?? null) : null;
}

async function answerTo(call: Call, args: unknown[]): Promise<Answer> {
  try {
    return { returned: await call(...args) };
  } catch (error) {
    if (error instanceof NotAuthorizedError) return { refused: error };
    const target = redirectTarget(error);
    if (target !== null) return { redirectedTo: target };
    throw error;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

let signedOutMessage = "";

/**
 * Told "sign in first": thrown, answered on the form as "refused" with the signed-out message, with
 * an HTTP status, or sent to the sign-in page.
 */
function isRefusal(answer: Answer): boolean {
  if ("refused" in answer) return true;
  if ("redirectedTo" in answer) return answer.redirectedTo.startsWith("/login");
  const { returned } = answer;
  if (returned instanceof Response) return returned.status === 401 || returned.status === 403;
  return isRecord(returned) && returned.status === "refused" && returned.message === signedOutMessage;
}

/** Neither refused nor turned back for its input; several actions report success with a redirect. */
function isDone(answer: Answer): boolean {
  if ("refused" in answer) return false;
  if ("redirectedTo" in answer) return true;
  const { returned } = answer;
  if (returned instanceof Response) return returned.ok;
  return !(isRecord(returned) && ["invalid", "refused", "conflict", "not-found"].includes(String(returned.status)));
}

function describeAnswer(answer: Answer): string {
  if ("refused" in answer) return `refused: ${answer.refused.message}`;
  if ("redirectedTo" in answer) return `redirected to ${answer.redirectedTo}`;
  return answer.returned instanceof Response
    ? `HTTP ${answer.returned.status}`
    : String(JSON.stringify(answer.returned)).slice(0, 300);
}

const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));

/** A digest of every row of every table, so any write at all shows. */
async function databaseFingerprint(): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await getDb()
      .select({ digest: sql<string>`coalesce(md5(string_agg(${table}::text, '|' order by ${table}::text)), '')` })
      .from(table);
    digests[getTableName(table)] = row?.digest ?? "";
  }
  return digests;
}

/** As the administrator is now: signing out ends their sessions, and a fresh sign-in carries the new version. */
async function signInAsAdministrator() {
  const current = await findSessionStaff({ id: administrator.id });
  signInAs(current, current?.sessionVersion);
}

const attempts = entryPoints.flatMap(({ file, name, call }) =>
  (GUARDED[file]?.[name] ?? []).map((attempt) => ({ entry: `${name} in ${file}`, call, attempt })),
);

describe(`every server action and route handler, called without a session, on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    administrator = await createFirstAdministrator({ name: "Ada", email: "ada@newsroom.example", password: PASSWORD });
    signInAs(null);
    signedOutMessage = await requireStaff().then(
      () => "",
      (error: Error) => error.message,
    );
    await signInAsAdministrator();
    sectionId = await section();
  });
  afterAll(() => closeDatabase());

  it("are each tried below as guarded, or listed as public with a reason", () => {
    const found = entryPoints.map(({ file, name }) => `${name} in ${file}`);
    const listed = (table: Record<string, Record<string, unknown>>) =>
      Object.entries(table).flatMap(([file, names]) => Object.keys(names).map((name) => `${name} in ${file}`));
    const known = [...listed(GUARDED), ...listed(PUBLIC)];
    expect(
      found.filter((entry) => !known.includes(entry)),
      "new entry points: add each to GUARDED with a call an administrator could make, or to PUBLIC with the reason",
    ).toEqual([]);
    expect(
      known.filter((entry) => !found.includes(entry)),
      "listed, but no longer in the app",
    ).toEqual([]);
  });

  it("are all declared at the top of their module, where this test finds them", () => {
    const inline = sourceFiles.filter((file) => {
      const source = readFileSync(path.join(root, file), "utf8");
      const directives = source.match(USE_SERVER_LINE)?.length ?? 0;
      return directives > (isServerActionModule(source) ? 1 : 0);
    });
    expect(inline, 'a server action declared inside a component: move it to a "use server" module').toEqual([]);
  });

  for (const { entry, call, attempt } of attempts) {
    it(`${entry} refuses and changes nothing, though an administrator's same call ${attempt.does}`, async () => {
      await signInAsAdministrator();
      const build = await attempt.prepare();
      signInAs(null);
      const before = await databaseFingerprint();

      const visitor = await answerTo(call, build());
      expect(isRefusal(visitor), describeAnswer(visitor)).toBe(true);
      expect(await databaseFingerprint()).toEqual(before);

      await signInAsAdministrator();
      const staff = await answerTo(call, build());
      expect(isDone(staff), describeAnswer(staff)).toBe(true);
      if (attempt.writes) expect(await databaseFingerprint()).not.toEqual(before);
      else expect(await databaseFingerprint()).toEqual(before);
    });
  }

  it("lets the first-run setup create nobody once an account exists", async () => {
    signInAs(null);
    const before = await databaseFingerprint();
    const answer = await createFirstAdministratorAction(
      IDLE,
      form({ name: "Mallory", email: "mallory@newsroom.example", password: PASSWORD, confirmPassword: PASSWORD }),
    );
    // Refused, with no field errors: the input was fine, the moment was not.
    expect(answer).toEqual({
      status: "refused",
      message: expect.any(String),
      signedOut: false,
      values: { name: "Mallory", email: "mallory@newsroom.example" },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });
});
