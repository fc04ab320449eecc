/**
 * The newsroom's data-access layer in a process of its own, for tests that kill it part-way through
 * a write (db/queries/interrupted-publish.test.ts) or give it an environment of its own, such as a
 * read replica (db/queries/read-replica.test.ts). Started by test/newsroom-child-process.ts; it
 * prints one JSON line per event on stdout.
 *
 *   prepare          migrates the database, adds a section, an editor and two drafts
 *   publish ID       publishes draft ID as EDITOR_ID; with DIE_BEFORE set, the process kills itself
 *                    (SIGKILL, no cleanup) just before sending the first statement that begins with it;
 *                    with AWAIT_REPLICA set, then reads it as a reader would before and after
 *                    waitForReplicaToCatchUp
 *   read ID SLUG     reads story ID (at SLUG) as readers do (latest stories, its page, a search for
 *                    "ferry") and as the newsroom does, as EDITOR_ID, and the health check; a read
 *                    that fails is reported as "failed"
 */
import { closeDatabase, getDb, migrateDatabase, waitForReplicaToCatchUp, watchQueries } from "@/db/client";
import { getPublishedArticle, listLatestArticles } from "@/db/queries/articles";
import { checkDatabaseHealth } from "@/db/queries/health";
import { createArticleDraft, getArticleForEditing, publishArticle } from "@/db/queries/newsroom-articles";
import { searchArticles } from "@/db/queries/search";
import { provisionStaffAccountFromCommandLine } from "@/db/queries/staff";
import { sections } from "@/db/schema";
import { signInAs } from "./staff-session";

const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

async function prepare() {
  await migrateDatabase();
  // A section straight into the table: seeding the sample stories would only make this slower.
  const [section] = await getDb()
    .insert(sections)
    .values({ slug: "harbour", name: "Harbour" })
    .returning({ id: sections.id });
  const sectionId = section!.id;
  const editor = await provisionStaffAccountFromCommandLine({
    name: "Night Editor",
    email: "night@newsroom.example",
    role: "editor",
    password: "correct horse battery staple",
  });
  signInAs(editor);
  const drafts: string[] = [];
  for (const headline of ["Ferry strike ends at dawn", "Harbour bridge reopens after repairs"]) {
    const draft = await createArticleDraft({
      headline,
      dek: "A standfirst.",
      sectionId,
      tags: ["Harbour"],
      bodyMdx: "The first paragraph.",
    });
    if (draft.status !== "saved") throw new Error(`draft "${headline}" was not saved: ${draft.status}`);
    drafts.push(draft.id);
  }
  say({ prepared: { editorId: editor.id, drafts } });
}

async function publish(id: string) {
  signInAs({ id: process.env.EDITOR_ID!, role: "editor" });
  const dieBefore = process.env.DIE_BEFORE;
  // Each statement is announced before it is sent, so the test knows how far the publish got.
  watchQueries((query) => {
    say({ sending: query });
    if (dieBefore && query.startsWith(dieBefore)) process.kill(process.pid, "SIGKILL");
  });
  const publication = await publishArticle({ id });
  say({ published: publication });
  if (process.env.AWAIT_REPLICA && publication.status !== "invalid") await readAcrossTheWait(publication.slug);
}

const readerSees = async (slug: string) => (await getPublishedArticle({ slug }))?.slug ?? null;

async function readAcrossTheWait(slug: string) {
  say({ beforeWait: await readerSees(slug) });
  const started = performance.now();
  await waitForReplicaToCatchUp();
  say({ afterWait: await readerSees(slug), waitedMs: Math.round(performance.now() - started) });
}

// A failure is an answer here: which reads still work is what the test asks.
const orFailed = <T>(read: Promise<T>) => read.catch(() => "failed" as const);

async function read(id: string, slug: string) {
  signInAs({ id: process.env.EDITOR_ID!, role: "editor" });
  say({
    reader: {
      latest: await orFailed(
        listLatestArticles({ limit: 10 }).then((articles) => articles.map((article) => article.slug)),
      ),
      article: await orFailed(readerSees(slug)),
      search: await orFailed(
        searchArticles({ query: "ferry", page: 1 }).then((found) => found.results.map((article) => article.slug)),
      ),
    },
    newsroom: await orFailed(getArticleForEditing({ id }).then((article) => article?.status ?? null)),
    health: await checkDatabaseHealth(),
  });
}

const [mode, id, slug] = process.argv.slice(2);
try {
  if (mode === "prepare") await prepare();
  else if (mode === "publish" && id) await publish(id);
  else if (mode === "read" && id && slug) await read(id, slug);
  else throw new Error(`unknown command: ${process.argv.slice(2).join(" ")}`);
} finally {
  await closeDatabase();
}
