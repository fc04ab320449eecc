import type { Page } from "@playwright/test";
import { expect, NOT_FOUND_LOAD, test } from "./fixtures";

// One newsroom per server: the first administrator is created once, then each step builds on the
// last, so a retry from the top could never pass; and the whole story takes a while on two cores.
test.describe.configure({ mode: "serial", retries: 0, timeout: 120_000 });
test.use({ expectedConsoleErrors: [NOT_FOUND_LOAD] });

const admin = { name: "Nadia Okafor", email: "nadia.okafor@newsroom.example", password: "ferries at midnight 2026" };
const headline = "Night Ferries Return to the Harbour After a Decade";

async function signIn(page: Page, password = admin.password) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

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

test("a wrong password is refused with a clear message, the right one signs in", async ({ page }) => {
  await signIn(page, "not the password");
  await expect(page.getByTestId("form-error")).toHaveText("That email and password do not match an active account.");
  await signIn(page);
  await expect(page.getByRole("heading", { level: 1, name: "Stories" })).toBeVisible();
});

test("an editor writes, previews, publishes and unpublishes a story that readers see in between", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { level: 1, name: "Stories" })).toBeVisible();
  await page.getByRole("link", { name: "New story" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "New story" })).toBeVisible();
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByLabel("Standfirst").fill("The overnight service to the islands resumes on Friday.");
  await page.getByLabel("Section").selectOption({ label: "World" });
  await page.getByLabel("Tags").fill("Harbour Lights, Night Ferries");

  const body = page.getByLabel("Story");
  await body.fill("Dockworkers cheered as the first lanternfish-class ferry left the quay.\n\nHome is {process.env.HOME}.");
  await expect(page.getByTestId("mdx-issues")).toContainText("Line 3, column 9");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("editor-status")).toContainText("The story has problems to fix");

  await body.fill("Dockworkers cheered as the first lanternfish-class ferry left the quay.");
  await body.press("End");
  await page.getByRole("button", { name: "Pull quote" }).click();
  await expect(page.getByTestId("preview-body").locator("blockquote")).toHaveText("The quotation");
  await expect(page.getByTestId("preview-body")).toContainText("lanternfish-class ferry");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/[0-9a-f-]{36}\?created=1/);

  const slug = "night-ferries-return-to-the-harbour-after-a-decade";
  const draftPage = await page.context().newPage();
  expect((await draftPage.goto(`/articles/${slug}`))?.status()).toBe(404);

  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("editor-status")).toHaveText("Published.");

  for (const url of ["/", "/category/world", "/tag/harbour-lights", "/tag/night-ferries", "/search?q=lanternfish"]) {
    await draftPage.goto(url);
    await expect(draftPage.getByRole("link", { name: headline }).first(), url).toBeVisible();
  }
  await draftPage.goto(`/articles/${slug}`);
  await expect(draftPage.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(draftPage.getByText("By Nadia Okafor")).toBeVisible();

  await page.reload();
  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByTestId("editor-status")).toContainText("Unpublished");
  expect((await draftPage.goto(`/articles/${slug}`))?.status()).toBe(404);

  await page.reload();
  await page.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page.getByText("Revision restored as a new version.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Version 4" })).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { level: 1, name: "Stories" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});
