/**
 * The newsroom's data-access layer in a process of its own, for tests that kill it part-way through
 * a write (db/queries/interrupted-publish.test.ts). Started by test/newsroom-child-process.ts; it
 * prints one JSON line per event on stdout.
 *
 *   prepare          migrates the database, adds a section, an editor and two drafts
 *   publish ID       publishes draft ID as EDITOR_ID; with DIE_BEFORE set, the process kills itself
 *                    (SIGKILL, no cleanup) just before sending the first statement that begins with it
 */
import { closeDatabase, getDb, migrateDatabase, watchQueries } from "@/db/client";
import { createArticleDraft, publishArticle } from "@/db/queries/newsroom-articles";
import { provisionStaffAccountFromCommandLine } from "@/db/queries/staff";
import { categories } from "@/db/schema";
import { signInAs } from "./staff-session";

const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

async function prepare() {
  await migrateDatabase();
  // A section straight into the table: seeding the sample stories would only make this slower.
  const [section] = await getDb().insert(categories).values({ slug: "harbour", name: "Harbour" }).returning({ id: categories.id });
  const sectionId = section!.id;
  const editor = await provisionStaffAccountFromCommandLine({ name: "Night Editor", email: "night@newsroom.example", role: "editor", password: "correct horse battery staple" });
  signInAs(editor);
  const drafts: string[] = [];
  for (const headline of ["Ferry strike ends at dawn", "Harbour bridge reopens after repairs"]) {
    const draft = await createArticleDraft({ headline, dek: "A standfirst.", sectionId, tags: ["Harbour"], bodyMdx: "The first paragraph." });
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
  say({ published: await publishArticle({ id }) });
}

const [mode, id] = process.argv.slice(2);
try {
  if (mode === "prepare") await prepare();
  else if (mode === "publish" && id) await publish(id);
  else throw new Error(`unknown command: ${process.argv.slice(2).join(" ")}`);
} finally {
  await closeDatabase();
}
