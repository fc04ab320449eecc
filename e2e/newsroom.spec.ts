import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Page } from "@playwright/test";
import { expect, NOT_FOUND_LOAD, test } from "./fixtures";
import { hostileMdx } from "../test/fixtures/hostile-mdx";
import { ARTICLE_LIMITS } from "../lib/editor/article-limits";
import { staffLine } from "../lib/editor/staff-text";
import { xssVectors } from "../test/fixtures/xss-vectors";
import { Newsroom, type Person } from "./pages/newsroom";
import {
  caretAtEndOf,
  caretAtStartOf,
  dropFile,
  freshCameraJpeg,
  moveBack,
  pasteHtml,
  selectBack,
  storySource,
} from "./pages/story-editor";
import { ScriptWatch } from "./pages/script-watch";

// One newsroom per server: the first administrator is created once, then each step builds on the
// last, so a retry from the top could never pass; and the whole story takes a while on two cores.
test.describe.configure({ mode: "serial", retries: 0, timeout: 120_000 });
test.use({ expectedConsoleErrors: [NOT_FOUND_LOAD] });

const admin: Person = {
  name: "Nadia Okafor",
  email: "nadia.okafor@newsroom.example",
  password: "ferries at midnight 2026",
};
const writer: Person = { name: "Wim Rasmussen", email: "wim@newsroom.example", password: "lanterns over the quay" };
const editor: Person = { name: "Esther Adeyemi", email: "esther@newsroom.example", password: "copy desk at dawn 1977" };
const headline = "Night Ferries Return to the Harbour After a Decade";
const slug = "night-ferries-return-to-the-harbour-after-a-decade";
const photoCaption = "The first night ferry leaves the harbour at dusk.";
const photoAlt = "A lit ferry pulling away from a stone quay at dusk";

test("an anonymous visitor to /admin is sent to sign in", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Staff sign-in" })).toBeVisible();
});

test("the first administrator is created at /admin/setup, which then disappears", async ({ page }) => {
  await page.goto("/admin/setup");
  await page.getByLabel("Your name").fill(admin.name);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password", { exact: true }).fill("password");
  await page.getByLabel("Password again").fill("password");
  await page.getByRole("button", { name: "Create the administrator account" }).click();
  await expect(page.getByTestId("password-error")).toHaveText("This password is too common; choose another.");
  await expect(page.getByLabel("Your name")).toHaveValue(admin.name);

  await page.getByLabel("Password", { exact: true }).fill(admin.password);
  await page.getByLabel("Password again").fill(admin.password);
  await page.getByRole("button", { name: "Create the administrator account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stories" })).toBeVisible();

  const response = await page.goto("/admin/setup");
  expect(response?.status()).toBe(404);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("That email and password do not match an active account.");
});

test("after five wrong passwords the sign-in form asks to wait, without saying whether the account exists", async ({
  page,
}) => {
  const guessedEmail = "someone.guessing@newsroom.example";
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Email").fill(guessedEmail);
    await page.getByLabel("Password").fill(`guess number ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("That email and password do not match an active account.");
    await page.reload();
  }
  await page.getByLabel("Email").fill(guessedEmail);
  await page.getByLabel("Password").fill("guess number 6");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Too many attempts — try again in 1 minute.");
});

// A script posting straight to Auth.js gets a status it understands. (The browser above and this
// client may reach the server from different loopback addresses, so each counts its own tries.)
test("after five wrong passwords the sign-in endpoint answers 429 with Retry-After", async ({ request }) => {
  const attempt = async (password: string) => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    return request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: "a.script@newsroom.example", password },
      maxRedirects: 0,
    });
  };
  for (let guess = 1; guess <= 5; guess++) expect((await attempt(`guess ${guess}`)).status()).toBe(302);
  const refused = await attempt("guess 6");
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
});

test("the administrator adds a writer and an editor", async ({ browser }) => {
  const newsroom = await Newsroom.signedIn(browser, admin);
  await newsroom.addStaffMember(writer, "writer");
  await newsroom.addStaffMember(editor, "editor");
  await newsroom.page.context().close();
});

test("a writer uploads a photo, drafts a story with two new tags, sees the preview, and cannot publish", async ({
  browser,
}) => {
  const { page } = await Newsroom.signedIn(browser, writer);

  await page.getByRole("link", { name: "Photos" }).click();
  await page
    .getByLabel("Photo file")
    .setInputFiles(path.join(import.meta.dirname, "../test/fixtures/photos/camera-and-gps.jpg"));
  await page.getByRole("button", { name: "Upload photo" }).click();
  const photoForm = page.getByRole("form", { name: /^Text for/ }).first();
  await expect(photoForm).toBeVisible();
  await expect(page.getByText("Canon EOS 5D Mark IV").first()).toBeVisible();
  await photoForm.getByLabel("Alt text").fill(photoAlt);
  await photoForm.getByLabel("Caption").fill(photoCaption);
  await photoForm.getByRole("button", { name: /Save photo text/ }).click();
  await expect(photoForm.getByRole("status")).toBeVisible();

  await page.getByRole("link", { name: "New story" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "New story" })).toBeVisible();
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByLabel("Standfirst").fill("The overnight service to the islands resumes on Friday.");
  await page.getByLabel("Section").selectOption({ label: "World" });
  await page.getByLabel("Tags").fill("Harbour Lights, Night Ferries");
  await page.getByRole("button", { name: "Choose the lead photo" }).click();
  await page
    .getByRole("dialog", { name: "Choose the lead photo" })
    .getByRole("button", { name: new RegExp(photoCaption) })
    .click();
  await expect(page.getByTestId("lead-photo")).toContainText(photoCaption);

  await page.getByRole("button", { name: "MDX source" }).click();
  const body = page.getByRole("textbox", { name: "Story" });
  await body.fill(
    "Dockworkers cheered as the first lanternfish-class ferry left the quay.\n\nHome is {process.env.HOME}.",
  );
  await expect(page.getByTestId("mdx-issues")).toContainText("Line 3, column 9");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("editor-status")).toContainText("The story has problems to fix");

  await body.fill("Dockworkers cheered as the first lanternfish-class ferry left the quay.");
  await body.press("End");
  await page.getByRole("button", { name: "Pull quote" }).click();
  await expect(page.getByTestId("preview-body").locator("blockquote")).toHaveText("The quotation");
  await expect(page.getByTestId("preview-body")).toContainText("lanternfish-class ferry");
  await expect(page.getByRole("button", { name: "Publish now" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send for review" })).toBeVisible();
  await expect(page.getByText("An editor publishes it or returns it to you with a note.")).toBeVisible();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/[0-9a-f-]{36}\?created=draft/);

  const reader = await browser.newPage();
  expect((await reader.goto(`/articles/${slug}`))?.status()).toBe(404);
  await page.context().close();
  await reader.close();
});

test("an editor publishes the story and readers and subscribers find it everywhere at once, with its photo", async ({
  browser,
}) => {
  const newsroom = await Newsroom.signedIn(browser, editor);
  await newsroom.openArticle(headline);
  await newsroom.page.getByRole("button", { name: "Publish now" }).click();
  await expect(newsroom.editorStatus()).toHaveText("Published.");

  const reader = await browser.newPage();
  for (const url of ["/", "/category/world", "/tag/harbour-lights", "/tag/night-ferries", "/search?q=lanternfish"]) {
    await reader.goto(url);
    await expect(reader.getByRole("link", { name: headline }).first(), url).toBeVisible();
  }
  for (const feed of [
    "/rss.xml",
    "/category/world/rss.xml",
    "/tag/harbour-lights/rss.xml",
    "/tag/night-ferries/rss.xml",
    "/atom.xml",
    "/feed.json",
  ]) {
    expect(await (await reader.request.get(feed)).text(), feed).toContain(headline);
  }
  await reader.goto(`/articles/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(reader.getByText(`By ${writer.name}`)).toBeVisible();
  const lead = reader.getByRole("img", { name: photoAlt });
  await expect(lead).toBeVisible();
  expect(await lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(reader.getByText("Taken with Canon EOS 5D Mark IV")).toBeVisible();
  await expect(reader.getByText(photoCaption)).toBeVisible();
  await reader.close();
  await newsroom.page.context().close();
});

test("an editor unpublishes the story, it is a 404, and an earlier revision is restored", async ({ browser }) => {
  const newsroom = await Newsroom.signedIn(browser, editor);
  await newsroom.openArticle(headline);
  await newsroom.page.getByRole("button", { name: "Unpublish" }).click();
  await expect(newsroom.editorStatus()).toContainText("Unpublished");

  const reader = await browser.newPage();
  expect((await reader.goto(`/articles/${slug}`))?.status()).toBe(404);
  await reader.close();

  await newsroom.page.reload();
  await newsroom.page.getByRole("button", { name: "Restore version 1" }).click();
  await expect(newsroom.page.getByText("Revision restored as a new version.")).toBeVisible();
  await expect(newsroom.page.getByRole("listitem").filter({ hasText: "Version 4" })).toBeVisible();
  await newsroom.page.context().close();
});

test("an API caller saving over a stale version gets 409 with the current text, and nothing is overwritten", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const newsroom = await Newsroom.signedIn(browser, editor);
  await newsroom.openArticle(headline);
  const id = newsroom.page.url().split("?")[0]!.split("/").at(-1)!;
  const api = newsroom.page.request;
  const current = await (await api.get(`/api/articles/${id}`)).json();
  const update = {
    headline,
    dek: current.dek,
    sectionId: current.sectionId,
    tags: current.tags,
    bodyMdx: "An API edit.",
  };

  const saved = await api.put(`/api/articles/${id}`, { data: { ...update, expectedVersion: current.version } });
  expect(saved.status()).toBe(200);
  const stale = await api.put(`/api/articles/${id}`, {
    data: { ...update, bodyMdx: "A stale edit.", expectedVersion: current.version },
  });
  expect(stale.status()).toBe(409);
  expect(await stale.json()).toMatchObject({ current: { bodyMdx: "An API edit.", version: current.version + 1 } });

  const anonymous = await playwright.request.newContext({ baseURL });
  expect(
    (
      await anonymous.put(`/api/articles/${id}`, { data: { ...update, expectedVersion: current.version + 1 } })
    ).status(),
  ).toBe(401);
  await anonymous.dispose();
  await newsroom.page.context().close();
});

test("a server action posted without a session changes nothing", async ({ browser, playwright, baseURL }) => {
  const newsroom = await Newsroom.signedIn(browser, editor);
  await newsroom.openArticle(headline);
  const articleUrl = newsroom.page.url().split("?")[0]!;
  const id = articleUrl.split("/").at(-1)!;
  // The server-rendered form names its action in a hidden field, as Next does for forms that work without JavaScript.
  const html = await (await newsroom.page.request.get(articleUrl)).text();
  const trashForm = html.slice(0, html.indexOf("Move to trash"));
  const actionField = [...trashForm.matchAll(/name="(\$ACTION_ID_[0-9a-f]+)"/g)].at(-1)?.[1];
  expect(actionField).toBeTruthy();

  const anonymous = await playwright.request.newContext({ baseURL });
  // Straight at the page, and at a reader URL the proxy does not guard: both must be refused.
  for (const target of [new URL(articleUrl).pathname, "/"]) {
    const response = await anonymous.post(target, { multipart: { [actionField!]: "", id }, maxRedirects: 0 });
    expect(response.status(), target).not.toBe(200);
  }
  await anonymous.dispose();

  await newsroom.page.reload();
  await expect(newsroom.page.getByRole("heading", { level: 1, name: "Edit story" })).toBeVisible();
  await newsroom.page.goto("/admin/trash");
  await expect(newsroom.page.getByRole("status")).toHaveText("Only administrators can restore stories from the trash.");
  await newsroom.page.context().close();
});

/** Everything a page shows a person: its text and its attribute values (alt text, titles, labels). */
async function textAndAttributes(page: Page) {
  return page
    .locator("main")
    .evaluate((main) =>
      [
        main.textContent ?? "",
        ...[...main.querySelectorAll("*")].flatMap((element) =>
          element.getAttributeNames().map((name) => element.getAttribute(name) ?? ""),
        ),
      ].join("\n"),
    );
}

test("story bodies built to attack readers, once published, run nothing in a reader's browser", async ({ browser }) => {
  test.setTimeout(600_000);
  const newsroom = await Newsroom.signedIn(browser, editor);
  const hostileHeadline = "Hostile Bodies on the Night Desk";
  const id = await newsroom.publishNewArticle({
    headline: hostileHeadline,
    section: "World",
    body: "A first, plain version.",
  });
  const api = newsroom.page.request;
  const article = await (await api.get(`/api/articles/${id}`)).json();
  const reader = await ScriptWatch.on(await browser.newPage());

  let version: number = article.version;
  for (const hostile of hostileMdx) {
    if (hostile.expected !== "inert") continue;
    const saved = await api.put(`/api/articles/${id}`, {
      data: {
        expectedVersion: version,
        headline: hostileHeadline,
        dek: "",
        sectionId: article.sectionId,
        tags: [],
        bodyMdx: hostile.body,
      },
    });
    expect(saved.status(), `${hostile.name}: ${await saved.text()}`).toBe(200);
    version = (await saved.json()).version;
    await reader.visit(`/articles/${article.slug}`, hostile.name);
    const shown = await textAndAttributes(reader.page);
    for (const text of hostile.readsAs ?? []) expect(shown, `${hostile.name} reads as text`).toContain(text);
  }
  await reader.page.close();
  await newsroom.page.context().close();
});

test("cross-site scripting typed as a headline, standfirst or tag shows as text in the newsroom, on the story and on its social card", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const newsroom = await Newsroom.signedIn(browser, editor);
  const id = await newsroom.publishNewArticle({
    headline: "Injection Attempts Logged",
    section: "World",
    body: "The text under test is in the headline.",
  });
  const api = newsroom.page.request;
  const article = await (await api.get(`/api/articles/${id}`)).json();
  const watch = await ScriptWatch.on(newsroom.page);
  const reader = await ScriptWatch.on(await browser.newPage());

  let version: number = article.version;
  for (const vector of xssVectors) {
    // Headlines and tags are one line: a typed tab arrives as a space, as the editor's own schema has it.
    const text = staffLine().trim().parse(vector.text).slice(0, ARTICLE_LIMITS.headline).trim();
    const saved = await api.put(`/api/articles/${id}`, {
      data: {
        expectedVersion: version,
        headline: text,
        dek: text,
        sectionId: article.sectionId,
        tags: [text.slice(0, ARTICLE_LIMITS.tag)],
        bodyMdx: article.bodyMdx,
      },
    });
    expect(saved.status(), `${vector.name}: ${await saved.text()}`).toBe(200);
    version = (await saved.json()).version;

    await watch.visit(`/admin/articles/${id}`, `the editor with ${vector.name}`);
    await expect(newsroom.page.getByLabel("Headline", { exact: true })).toHaveValue(text);
    await watch.visit("/admin", `the story list with ${vector.name}`);
    expect(await textAndAttributes(newsroom.page)).toContain(text);
    await watch.visit("/admin/tags", `the tag list with ${vector.name}`);
    await reader.visit(`/articles/${article.slug}`, `the story page with ${vector.name}`);
    expect(await reader.page.getByRole("heading", { level: 1 }).textContent()).toBe(text);

    const card = await reader.page.request.get(`/articles/${article.slug}/opengraph-image`);
    expect(card.status(), `the social card with ${vector.name}`).toBe(200);
    expect(card.headers()["content-type"]).toBe("image/png");
  }
  await reader.page.close();
  await newsroom.page.context().close();
});

test("staff names that carry script show as text on the staff page and run nowhere in the newsroom", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const newsroom = await Newsroom.signedIn(browser, admin);
  // As the staff form stores them: one line, control characters dropped.
  const names = xssVectors.map((vector) => staffLine().trim().parse(vector.text).slice(0, 100).trim());
  await newsroom.page.goto("/admin/staff");
  const form = newsroom.page.getByRole("form", { name: "Add a staff member" });
  await form.getByLabel("Name").fill(names[0]!);
  await form.getByLabel("Email").fill("refused.password@newsroom.example");
  await form.getByLabel("First password").fill("password");
  await form.getByRole("button", { name: "Add staff member" }).click();
  await expect(form.getByText("This password is too common; choose another.")).toBeVisible();
  await expect(form.getByLabel("Name"), "a refused form keeps what was typed").toHaveValue(names[0]!);
  await expect(form.getByLabel("Email")).toHaveValue("refused.password@newsroom.example");
  for (const [index, name] of names.entries()) {
    await newsroom.addStaffMember(
      {
        name,
        email: `injected.name.${index}@newsroom.example`,
        password: `violet lanterns glow ${index} times over the quay`,
      },
      "writer",
    );
  }
  const watch = await ScriptWatch.on(newsroom.page);
  await watch.visit("/admin/staff", "the staff page");
  const shown = await textAndAttributes(newsroom.page);
  for (const name of names) expect(shown, `the staff page shows ${name}`).toContain(name);
  await watch.visit("/admin/audit", "the audit log of those accounts");
  await newsroom.page.context().close();
});

test("the sign-in page reflects no script and never sends staff to another site after signing in", async ({
  browser,
}) => {
  const hostileDestinations = [
    "javascript:alert(1)",
    "https://evil.example/admin",
    "//evil.example/admin",
    "/admin/..\\/evil.example",
    "/\\evil.example",
  ];
  for (const [index, destination] of hostileDestinations.entries()) {
    const context = await browser.newContext();
    const watch = await ScriptWatch.on(await context.newPage());
    await watch.visit(
      `/login?callbackUrl=${encodeURIComponent(destination)}&error=${encodeURIComponent("<script>alert(1)</script>")}`,
      destination,
    );
    await watch.page.getByLabel("Email").fill(`reflected.${index}@newsroom.example`);
    await watch.page.getByLabel("Password").fill(xssVectors[index]!.text);
    await watch.page.getByRole("button", { name: "Sign in" }).click();
    await expect(watch.page.getByTestId("form-error")).toHaveText(
      "That email and password do not match an active account.",
    );
    await watch.expectNothingRan(`a refused sign-in towards ${destination}`);

    await watch.page.getByLabel("Email").fill(editor.email);
    await watch.page.getByLabel("Password").fill(editor.password);
    await watch.page.getByRole("button", { name: "Sign in" }).click();
    await expect(watch.page.getByRole("heading", { level: 1, name: "Stories" })).toBeVisible();
    expect(new URL(watch.page.url()).host, destination).toBe(new URL(test.info().project.use.baseURL!).host);
    await watch.expectNothingRan(`signing in towards ${destination}`);
    await context.close();
  }
});

const richHeadline = "Lake Ferries Share One Timetable From Monday";
const richSlug = "lake-ferries-share-one-timetable-from-monday";
const droppedCaption = "The Varnen ferry at the Aldermoor pier.";
const droppedAlt = "A white ferry moored at a wooden pier under a grey sky";

test("a writer writes in the rich editor, drops in a photo and sends the story for review", async ({ browser }) => {
  const { page } = await Newsroom.signedIn(browser, writer);
  await page.goto("/admin/articles/new");
  await page.getByLabel("Headline", { exact: true }).fill(richHeadline);
  await page.getByLabel("Section").selectOption({ label: "World" });

  const story = page.getByRole("textbox", { name: "Story" });
  await story.click();
  await page.keyboard.type("The lake ferries ");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type("share one timetable");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type(" from Monday; read the timetable online.");
  // The caret moves in the page as the editor last drew it: wait for the last words to be drawn.
  await expect(story).toContainText("read the timetable online.");
  await moveBack(page, " online.".length);
  await selectBack(page, "timetable".length);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe("timetable");
  await page.keyboard.press("ControlOrMeta+k");
  await page.getByRole("dialog").locator('input[name="url"]').fill("https://ferries.example.org/timetable");
  await page.getByRole("dialog").getByRole("button", { name: "Set URL" }).click();
  await story.getByText("online.").click();
  // Under load the key can arrive before the editor has taken the click's caret: press until it is at the end.
  await expect(async () => {
    await page.keyboard.press("ControlOrMeta+End");
    expect(await caretAtEndOf(page, "online.")).toBe(true);
  }).toPass();
  await page.keyboard.press("Enter");
  await page.keyboard.type("## What changes");
  await expect(story.getByRole("heading", { level: 2, name: "What changes" })).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.type("Crossings now leave on the hour.");
  await expect(story.locator("p").filter({ hasText: "Crossings now leave on the hour." })).toBeVisible();

  await page.getByRole("button", { name: "Pull quote" }).click();
  const quote = page.getByTestId("story-pull-quote");
  await quote.getByText("The quotation").click();
  await expect(async () => {
    await page.keyboard.press("ControlOrMeta+a");
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe("The quotation");
  }).toPass();
  await page.keyboard.type("One timetable, at last.");
  await quote.getByLabel("Said by").fill("Ines Varga, the harbour master");

  const photo = { name: "varnen-pier.jpg", type: "image/jpeg", bytes: await freshCameraJpeg("FUJIFILM", "X-T5") };
  // Let go past the end of the paragraph's line: the photo goes after it, the sentence stays whole.
  await dropFile(page, story.locator("p").filter({ hasText: "Crossings now leave on the hour." }), photo);
  await expect(page.getByTestId("story-photo-uploads")).toContainText("Uploaded");
  const figure = page.getByTestId("story-photo");
  await expect(figure.getByText("Taken with FUJIFILM X-T5")).toBeVisible();
  await figure.getByLabel("Caption").fill(droppedCaption);
  await figure.getByLabel(/^Alt text/).fill(droppedAlt);

  const source = await storySource(page);
  expect(source).toContain("**share one timetable**");
  expect(source).toContain("[timetable](https://ferries.example.org/timetable)");
  expect(source).toContain("## What changes");
  expect(source).toMatch(/<Figure photo="[0-9a-f-]{36}" width="1200" height="800" caption="The Varnen ferry/);
  expect(source.indexOf("<Figure"), "the photo is where it was dropped").toBeGreaterThan(
    source.indexOf("Crossings now leave on the hour."),
  );
  await expect(page.getByTestId("preview-body").locator("h2")).toHaveText("What changes");

  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/[0-9a-f-]{36}\?created=review/);
  await page.context().close();
});

test("an editor returns the story with a note, the writer answers it, and the editor publishes", async ({
  browser,
}) => {
  const editorDesk = await Newsroom.signedIn(browser, editor);
  await editorDesk.page.goto("/admin?status=review");
  await editorDesk.page.getByRole("link", { name: richHeadline }).click();
  await editorDesk.page.getByLabel("Note to the writer").fill("Say which towns are on the new timetable.");
  await editorDesk.page.getByRole("button", { name: "Return to writer" }).click();
  await expect(editorDesk.page.getByTestId("review-notice")).toContainText(`Returned by ${editor.name}`);

  const writerDesk = await Newsroom.signedIn(browser, writer);
  await writerDesk.openArticle(richHeadline);
  await expect(writerDesk.page.getByTestId("review-notice")).toContainText("Say which towns are on the new timetable.");
  const story = writerDesk.page.getByRole("textbox", { name: "Story" });
  await story.getByText("Crossings now leave on the hour.").click();
  await expect(async () => {
    await writerDesk.page.keyboard.press("End");
    expect(await caretAtEndOf(writerDesk.page, "Crossings now leave on the hour.")).toBe(true);
  }).toPass();
  await writerDesk.page.keyboard.type(" Aldermoor, Varnen and Sorel share it.");
  await writerDesk.page.getByRole("button", { name: "Send for review" }).click();
  await expect(writerDesk.editorStatus()).toContainText("review");
  await writerDesk.page.context().close();

  await editorDesk.openArticle(richHeadline);
  await editorDesk.page.getByRole("button", { name: "Publish now" }).click();
  await expect(editorDesk.editorStatus()).toHaveText("Published.");
  await editorDesk.page.context().close();

  const reader = await browser.newPage();
  await reader.goto(`/articles/${richSlug}`);
  const body = reader.locator("article");
  await expect(body.locator("strong")).toHaveText("share one timetable");
  await expect(body.getByRole("link", { name: "timetable", exact: true })).toHaveAttribute(
    "href",
    "https://ferries.example.org/timetable",
  );
  await expect(body.locator("h2").filter({ hasText: "What changes" })).toBeVisible();
  await expect(body.getByText("Aldermoor, Varnen and Sorel share it.")).toBeVisible();
  await expect(body.getByRole("img", { name: droppedAlt })).toBeVisible();
  await expect(body.getByText(droppedCaption)).toBeVisible();
  await expect(body.getByText("Taken with FUJIFILM X-T5")).toBeVisible();
  await expect(body.locator("blockquote").filter({ hasText: "One timetable, at last." })).toBeVisible();
  await expect(body.getByText("Ines Varga, the harbour master")).toBeVisible();
  await expect(reader.getByTestId("story-age-notice"), "a story published today is not dated").toHaveCount(0);
  await reader.close();
});

test("pasting from a word processor keeps paragraphs, emphasis, links and lists", async ({ browser }) => {
  const { page } = await Newsroom.signedIn(browser, writer);
  await page.goto("/admin/articles/new");
  const story = page.getByRole("textbox", { name: "Story" });
  await story.click();
  await pasteHtml(
    story,
    '<meta charset="utf-8"><b style="font-weight:normal" id="docs-internal-guid-1"><p><span>The council met on ' +
      '<span style="font-weight:700">Tuesday</span> and <span style="font-style:italic">agreed</span>.</span></p>' +
      '<p><a href="https://council.example.org/minutes">The minutes</a> are online.</p>' +
      "<ul><li><p>Ferries</p></li><li><p>Buses</p></li></ul></b>",
    "The council met on Tuesday and agreed.\nThe minutes are online.\nFerries\nBuses",
  );
  const source = await storySource(page);
  expect(source).toContain("**Tuesday**");
  expect(source).toContain("_agreed_");
  expect(source).toContain("[The minutes](https://council.example.org/minutes) are online.");
  expect(source).toMatch(/^- Ferries\n- Buses$/m);
  expect(source.split("\n\n").length).toBeGreaterThanOrEqual(3);
  await page.context().close();
});

test("a story the rich editor cannot show opens as source, says why, and is saved unchanged", async ({ browser }) => {
  const newsroom = await Newsroom.signedIn(browser, writer);
  const { page } = newsroom;
  const body = "The harbour [timetable][1] changes.\n\n[1]: https://ferries.example.org/timetable\n";
  await page.goto("/admin/articles/new");
  await page.getByLabel("Headline", { exact: true }).fill("Timetable written with a reference link");
  await page.getByLabel("Section").selectOption({ label: "World" });
  await newsroom.writeStorySource(body);
  await page.getByRole("button", { name: "Rich text" }).click();
  await expect(page.getByTestId("editing-mode-notice")).toContainText("a link written as a reference");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\?created=draft/);
  await page.reload();
  await expect(page.getByTestId("editing-mode-notice")).toContainText("opens as MDX source");
  await expect(page.getByRole("textbox", { name: "Story" })).toHaveValue(body);
  await page.context().close();
});

test("an editor whose save meets a newer version merges it change by change, and the history shows each change", async ({
  browser,
}) => {
  const newsroom = await Newsroom.signedIn(browser, editor);
  const { page } = newsroom;
  await newsroom.openArticle(richHeadline);
  const id = page.url().split("?")[0]!.split("/").at(-1)!;
  const current = await (await page.request.get(`/api/articles/${id}`)).json();
  const theirBody = current.bodyMdx.replace("The lake ferries", "The three lake ferries");
  const saved = await page.request.put(`/api/articles/${id}`, {
    data: { bodyMdx: theirBody, expectedVersion: current.version },
  });
  expect(saved.status()).toBe(200);

  const story = page.getByRole("textbox", { name: "Story" });
  await story.getByText("Crossings now leave on the hour.").click();
  await expect(async () => {
    await page.keyboard.press("Home");
    expect(await caretAtStartOf(page, "Crossings now leave on the hour.")).toBe(true);
  }).toPass();
  await page.keyboard.type("From Monday, ");
  await page.getByRole("button", { name: "Save changes" }).click();
  const conflict = page.getByRole("region", { name: "Their version" });
  await expect(conflict.getByRole("heading")).toContainText(`saved version ${current.version + 1}`);
  await expect(conflict.locator("del").first()).toBeVisible();
  await conflict.getByLabel("Take theirs for change 1").check();
  await conflict.getByLabel("Keep mine for change 2").check();
  await conflict.getByRole("button", { name: "Save the merged version" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(newsroom.editorStatus()).toHaveText("Saved. Readers see the change.");

  const merged = await (await page.request.get(`/api/articles/${id}`)).json();
  expect(merged.bodyMdx).toContain("The three lake ferries");
  expect(merged.bodyMdx).toContain("From Monday, Crossings now leave on the hour.");

  await page.reload();
  await page.getByRole("button", { name: "Compare versions" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Compare");
  await expect(page.locator("ins").filter({ hasText: "From" }).first()).toBeVisible();
  await page.context().close();
});

test("a photo dropped on the lead-photo slot becomes the story's lead", async ({ browser }) => {
  const { page } = await Newsroom.signedIn(browser, writer);
  await page.goto("/admin/articles/new");
  const photo = { name: "quay-at-dawn.jpg", type: "image/jpeg", bytes: await freshCameraJpeg("Canon", "EOS R6") };
  await dropFile(page, page.getByTestId("lead-photo-slot"), photo);
  await expect(page.getByRole("list", { name: "Lead photo upload" })).toContainText("Uploaded");
  await expect(page.getByTestId("lead-photo")).toContainText("quay-at-dawn.jpg");
  await page.context().close();
});

test("an editor marks a photo graphic, and readers see its warning and load it only when they ask", async ({
  browser,
}) => {
  const newsroom = await Newsroom.signedIn(browser, editor);
  const { page } = newsroom;
  await newsroom.openArticle(richHeadline);
  const id = page.url().split("?")[0]!.split("/").at(-1)!;
  const current = await (await page.request.get(`/api/articles/${id}`)).json();
  const photoId = /<Figure photo="([0-9a-f-]{36})"/.exec(current.bodyMdx)![1]!;
  const asLead = await page.request.put(`/api/articles/${id}`, {
    data: { heroMediaId: photoId, expectedVersion: current.version },
  });
  expect(asLead.status()).toBe(200);

  await page.goto(`/admin/photos?q=${encodeURIComponent(droppedCaption)}`);
  const card = page.locator(`#photo-${photoId}`);
  await card.getByLabel("Graphic: readers see a warning first and choose to look").check();
  await card.getByRole("button", { name: /^Save graphic warning/ }).click();
  await expect(card.getByText("Say what the photo shows")).toBeVisible();
  await card
    .getByRole("textbox", { name: "Warning", exact: true })
    .fill("This image shows a ferry after the collision");
  await card.getByRole("button", { name: /^Save graphic warning/ }).click();
  await expect(page.getByTestId(`photo-graphic-status-${photoId}`)).toContainText("Marked graphic.");

  const reader = await (await browser.newContext()).newPage();
  const photoRequests: string[] = [];
  reader.on("request", (request) => {
    if (request.url().includes(`/media/${photoId}`)) photoRequests.push(request.url());
  });
  await reader.goto(`/articles/${current.slug}`);
  const warnings = reader.locator("[data-graphic-photo]");
  await expect(warnings, "the lead photo and the one in the story").toHaveCount(2);
  await expect(warnings.first().getByText("This image shows a ferry after the collision")).toBeVisible();
  const images = reader.locator(`img[alt="${droppedAlt}"]`);
  await expect(images).toHaveCount(2);
  await expect(images.first()).toBeHidden();
  await reader.waitForLoadState("load");
  expect(photoRequests, "no graphic photo is fetched before the reader asks").toEqual([]);
  expect(await reader.locator('meta[property="og:image"]').getAttribute("content")).not.toContain(photoId);
  expect(await reader.locator('meta[name="twitter:image"]').getAttribute("content")).not.toContain(photoId);

  await warnings.first().getByText("Show the photo").click();
  await expect(images.first()).toBeVisible();
  await expect(images.nth(1), "the other stays behind its warning").toBeHidden();
  await expect.poll(() => photoRequests.length).toBeGreaterThan(0);
  expect((await new AxeBuilder({ page: reader }).analyze()).violations, "the story with graphic photos").toEqual([]);

  const feed = await (await reader.request.get("/rss.xml")).text();
  expect(feed).toContain("This image shows a ferry after the collision");
  expect(feed).not.toContain(`/media/${photoId}`);
  await reader.context().close();
  await page.context().close();
});

const COMMISSIONED_HEADLINE = "Ukraine to Receive NATO Support and Membership After Conflict";
const COMMISSIONED_SLUG = "ukraine-to-receive-nato-support-and-membership-after-conflict";

test("an editor pins the commissioned story as the lead, and the front page leads with it and shows it once", async ({
  browser,
}) => {
  const newsroom = await Newsroom.signedIn(browser, editor);
  const { page } = newsroom;
  await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Front page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Front page" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations, "the front-page admin").toEqual([]);
  await page.getByLabel("Story", { exact: true }).selectOption({ label: `${COMMISSIONED_HEADLINE} (Conflicts)` });
  await page.getByRole("button", { name: "Make it the lead" }).click();
  await expect(page.getByTestId("pin-status")).toHaveText(`“${COMMISSIONED_HEADLINE}” now leads the front page.`);
  const picks = page.getByRole("list", { name: "Pinned stories, lead first" }).getByRole("listitem");
  await expect(picks.first()).toContainText(COMMISSIONED_HEADLINE);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/");
  await expect(reader.getByTestId("lead-story").getByRole("link", { name: COMMISSIONED_HEADLINE })).toBeVisible();
  await expect(reader.getByRole("link", { name: COMMISSIONED_HEADLINE }), "once on the front page").toHaveCount(1);
  expect((await new AxeBuilder({ page: reader }).analyze()).violations, "the front page").toEqual([]);
  await reader.context().close();
  await page.context().close();
});

type JsonLdArticle = { dateModified: string; correction?: Array<{ "@type": string; text: string }> };

async function newsArticleData(page: Page): Promise<JsonLdArticle> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return scripts.map((text) => JSON.parse(text)).find((item) => item["@type"] === "NewsArticle");
}

type RssItem = { guid: string | { "#text": string }; "content:encoded": string; title: string };

async function commissionedRssItem(page: Page): Promise<RssItem> {
  const xml = await (await page.request.get("/rss.xml")).text();
  expect(XMLValidator.validate(xml), "the RSS feed is well-formed").toBe(true);
  const channel = new XMLParser({ isArray: (name) => name === "item" }).parse(xml).rss.channel;
  return channel.item.find((item: RssItem) => item.title === COMMISSIONED_HEADLINE);
}

test("an editor corrects the commissioned story, and the correction reaches the story, /corrections, the feed and the structured data", async ({
  browser,
}) => {
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/articles/${COMMISSIONED_SLUG}`);
  const before = await newsArticleData(reader);
  const itemBefore = await commissionedRssItem(reader);

  const newsroom = await Newsroom.signedIn(browser, editor);
  const { page } = newsroom;
  await newsroom.openArticle(COMMISSIONED_HEADLINE);
  const correction = "An earlier version of this story gave the wrong year for the Vilnius summit.";
  const form = page.getByRole("form", { name: "Add a correction or update" });
  await form.getByLabel(/^A correction:/).check();
  await form.getByLabel("Text readers see").fill(correction);
  await form.getByRole("button", { name: "Add to the story" }).click();
  await expect(page.getByTestId("note-status")).toHaveText(
    "Correction added. Readers see it on the story and at /corrections.",
  );
  await expect(page.getByRole("region", { name: "Corrections and updates" })).toContainText(correction);
  expect((await new AxeBuilder({ page }).analyze()).violations, "a published story's staff page").toEqual([]);

  await reader.goto(`/articles/${COMMISSIONED_SLUG}`);
  await expect(reader.getByRole("link", { name: /This story has been corrected/ })).toBeVisible();
  const foot = reader.getByRole("region", { name: "Corrections and clarifications" });
  await expect(foot).toContainText(correction);
  await expect(reader.getByTestId("story-updated")).toBeVisible();
  const after = await newsArticleData(reader);
  expect(Date.parse(after.dateModified)).toBeGreaterThan(Date.parse(before.dateModified));
  expect(after.correction).toEqual([expect.objectContaining({ "@type": "CorrectionComment", text: correction })]);
  expect((await new AxeBuilder({ page: reader }).analyze()).violations, "a corrected story").toEqual([]);

  await reader.goto("/corrections");
  const listed = reader.getByRole("list", { name: "Corrections, newest first" }).getByRole("listitem").first();
  await expect(listed).toContainText(correction);
  await listed.getByRole("link", { name: COMMISSIONED_HEADLINE }).click();
  await expect(reader).toHaveURL(new RegExp(`/articles/${COMMISSIONED_SLUG}#note-`));
  await reader.goto("/corrections");
  expect((await new AxeBuilder({ page: reader }).analyze()).violations, "the corrections page").toEqual([]);
  const correctionsFeed = await (await reader.request.get("/corrections/rss.xml")).text();
  expect(XMLValidator.validate(correctionsFeed)).toBe(true);
  expect(correctionsFeed).toContain(correction);

  const itemAfter = await commissionedRssItem(reader);
  expect(itemAfter.guid, "the same guid, so subscribers see an update rather than a new story").toEqual(
    itemBefore.guid,
  );
  expect(itemAfter["content:encoded"].startsWith("<p><strong>")).toBe(true);
  expect(itemAfter["content:encoded"].indexOf(correction)).toBeLessThan(itemAfter["content:encoded"].indexOf("NATO"));
  await reader.context().close();
  await page.context().close();
});

test("a writer puts a colleague on the byline, the colleague edits the draft, and readers see both names", async ({
  browser,
}) => {
  const colleague: Person = { name: "Kofi Mensah", email: "kofi@newsroom.example", password: "tide tables at noon" };
  const bylinedHeadline = "Harbour Pilots Share a Night Rota";
  const administrator = await Newsroom.signedIn(browser, admin);
  await administrator.addStaffMember(colleague, "writer");
  await administrator.page.context().close();

  const reporter = await Newsroom.signedIn(browser, writer);
  await reporter.page.goto("/admin/articles/new");
  const bylines = reporter.page.getByRole("group", { name: "Bylines" });
  await expect(bylines.getByRole("listitem")).toHaveText([new RegExp(`^${writer.name}`)]);
  await reporter.page.getByLabel("Headline", { exact: true }).fill(bylinedHeadline);
  await reporter.page.getByLabel("Section").selectOption({ label: "World" });
  await reporter.writeStorySource("The pilots agreed a rota for the night ferries.");
  await bylines.getByLabel("Add a writer").selectOption({ label: colleague.name });
  await bylines.getByRole("button", { name: "Add to bylines" }).click();
  await reporter.page.getByRole("button", { name: "Save draft" }).click();
  await expect(reporter.page).toHaveURL(/\/admin\/articles\/[0-9a-f-]{36}\?created=draft/);
  await expect(bylines.getByRole("listitem")).toHaveText([
    new RegExp(`^${writer.name}`),
    new RegExp(`^${colleague.name}`),
  ]);
  await bylines.getByRole("button", { name: `Remove ${writer.name}` }).click();
  await reporter.page.getByRole("button", { name: "Save draft" }).click();
  await expect(reporter.page.getByTestId("bylines-error")).toHaveText(
    "You cannot take your own name off a story you are writing; ask an editor.",
  );
  await reporter.page.context().close();

  const coWriter = await Newsroom.signedIn(browser, colleague);
  await coWriter.openArticle(bylinedHeadline);
  await coWriter.page.getByLabel("Standfirst").fill("Two pilots on call every night from December.");
  await coWriter.page.getByRole("button", { name: "Send for review" }).click();
  await expect(coWriter.editorStatus()).toContainText("Sent for review");
  await coWriter.page.context().close();

  const desk = await Newsroom.signedIn(browser, editor);
  await desk.openArticle(bylinedHeadline);
  await desk.page.getByRole("button", { name: `Move ${colleague.name} up` }).click();
  await desk.page.getByRole("button", { name: "Publish now" }).click();
  await expect(desk.editorStatus()).toHaveText("Published.");
  await desk.page.goto("/articles/harbour-pilots-share-a-night-rota");
  await expect(desk.page.getByText(/^By /)).toHaveText(`By ${colleague.name} and ${writer.name}`);
  await desk.page.goto("/author/kofi-mensah");
  await expect(desk.page.getByRole("link", { name: bylinedHeadline })).toBeVisible();
  await desk.page.context().close();
});

test("an editor turns a Conflicts story live, a writer posts and pins, an open reader page offers the new updates, and an editor corrects one", async ({
  browser,
}) => {
  const liveHeadline = "Live: Monitors Report on the Valley Ceasefire";
  const desk = await Newsroom.signedIn(browser, editor);
  const id = await desk.publishNewArticle({
    headline: liveHeadline,
    section: "Conflicts",
    body: "Monitors began their first day along the valley road.",
  });
  const { slug } = await (await desk.page.request.get(`/api/articles/${id}`)).json();
  await desk.page.goto(`/admin/articles/${id}/live`);
  await desk.page.getByRole("button", { name: "Turn into live coverage" }).click();
  await expect(desk.page.getByTestId("live-start-status")).toContainText("This story is live coverage");

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/articles/${slug}`);
  await expect(reader.getByRole("heading", { name: /Updates/ })).toBeVisible();
  await expect(reader.getByText("No updates yet.")).toBeVisible();

  const reporter = await Newsroom.signedIn(browser, writer);
  await reporter.page.goto(`/admin/articles/${id}/live`);
  const composer = reporter.page.getByRole("form", { name: "Post an update" });
  const posts = [
    { title: "", body: "The first monitors reached the northern crossing at seven." },
    { title: "", body: "A convoy of grain lorries is waiting at the southern checkpoint." },
    { title: "Border crossing reopens", body: "The **southern crossing** reopened to civilians at noon." },
  ];
  for (const post of posts) {
    await composer.getByLabel("Title (optional)").fill(post.title);
    await composer.getByLabel("Update", { exact: true }).fill(post.body);
    const started = Date.now();
    await composer.getByRole("button", { name: "Post update" }).click();
    await expect(reporter.page.getByTestId("live-post-status")).toHaveText("Posted: readers see it now.");
    test.info().annotations.push({ type: "entry posted", description: `${Date.now() - started} ms` });
    await expect(composer.getByLabel("Update", { exact: true })).toHaveValue("");
  }
  await reporter.page.getByRole("button", { name: /^Pin as key event the update “Border crossing reopens”/ }).click();
  await expect(reporter.page.getByText("Pinned: readers see it first and in Key events.")).toBeVisible();
  expect((await new AxeBuilder({ page: reporter.page }).analyze()).violations, "the live composer").toEqual([]);

  // The island asks when the tab comes back into view as well as on its timer; no reload.
  await reader.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  const offer = reader.getByRole("button", { name: "3 new updates" });
  await expect(offer).toBeVisible({ timeout: 30_000 });
  await offer.click();
  await expect(offer).toBeHidden();
  const updates = reader.getByRole("region", { name: /Updates/ });
  await expect(updates.getByRole("article")).toHaveCount(3);
  await expect(updates.getByRole("article").first()).toContainText("The southern crossing reopened to civilians");
  const keyEvents = reader.getByRole("navigation", { name: "Key events" });
  await keyEvents.getByRole("link", { name: /Border crossing reopens/ }).click();
  await expect(reader).toHaveURL(/#entry-[0-9a-f-]{36}$/);

  const scripts = await reader.locator('script[type="application/ld+json"]').allTextContents();
  const posting = scripts.map((text) => JSON.parse(text)).find((item) => item["@type"] === "LiveBlogPosting");
  expect(posting?.coverageStartTime).toBeTruthy();
  expect(posting?.liveBlogUpdate).toHaveLength(3);
  expect((await new AxeBuilder({ page: reader }).analyze()).violations, "a live story").toEqual([]);

  const feed = await (await reader.request.get(`/articles/${slug}/live.xml`)).text();
  expect(XMLValidator.validate(feed), "the story's feed of entries is well-formed").toBe(true);
  const items = new XMLParser({ isArray: (name) => name === "item" }).parse(feed).rss.channel.item;
  expect(items.map((item: { title: string }) => item.title)[0]).toBe("Border crossing reopens");
  expect(items).toHaveLength(3);

  await desk.page.goto(`/admin/articles/${id}/live`);
  await desk.page.getByText(/^Correct the update “Border crossing reopens”/).click();
  const correction = "An earlier version of this entry said the crossing reopened to lorries.";
  const correcting = desk.page.getByRole("form", { name: "Correct this entry" });
  await correcting.getByLabel("Text readers see").fill(correction);
  await correcting.getByRole("button", { name: "Add to the entry" }).click();
  await expect(correcting.getByRole("status")).toContainText("Correction added. Readers see it under the entry");
  await reader.reload();
  const corrected = updates.getByRole("article").filter({ hasText: "Border crossing reopens" });
  await expect(corrected.getByTestId("entry-notes")).toContainText(`Correction, `);
  await expect(corrected.getByTestId("entry-notes")).toContainText(correction);
  await reader.goto("/corrections");
  await reader.getByRole("link", { name: liveHeadline }).first().click();
  await expect(reader).toHaveURL(/#note-[0-9a-f-]{36}$/);
  await expect(reader.getByText(correction)).toBeInViewport();

  await desk.page.getByRole("button", { name: "End live coverage" }).click();
  await expect(desk.page.getByTestId("live-state")).toContainText("; ended");
  await reader.reload();
  await expect(reader.getByTestId("live-ended")).toHaveText("This live coverage has ended.");
  await expect(
    reader
      .getByRole("region", { name: /Updates/ })
      .getByRole("article")
      .first(),
  ).toContainText("The first monitors reached the northern crossing");
  await reader.context().close();
  await reporter.page.context().close();
  await desk.page.context().close();
});

test("the editor pages have no accessibility violations", async ({ browser }) => {
  const newsroom = await Newsroom.signedIn(browser, editor);
  const { page } = newsroom;
  await page.goto("/admin/articles/new");
  await expect(page.getByRole("textbox", { name: "Story" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations, "the new-story page").toEqual([]);
  await newsroom.openArticle(richHeadline);
  await expect(page.getByTestId("story-photo")).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations, "a story with a photo and a pull quote").toEqual([]);
  await page.getByRole("button", { name: "MDX source" }).click();
  expect((await new AxeBuilder({ page }).analyze()).violations, "the source view").toEqual([]);
  await page.context().close();
});

test("signing out ends the session", async ({ browser }) => {
  const { page } = await Newsroom.signedIn(browser, admin);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
  await page.context().close();
});
