import { expect, type Browser, type Page } from "@playwright/test";

export type Person = { name: string; email: string; password: string };

/** The staff area as a newsroom member uses it. */
export class Newsroom {
  constructor(readonly page: Page) {}

  static async signedIn(browser: Browser, person: Person): Promise<Newsroom> {
    const context = await browser.newContext();
    const newsroom = new Newsroom(await context.newPage());
    await newsroom.signIn(person);
    return newsroom;
  }

  async signIn(person: Person) {
    await this.page.goto("/login");
    await this.page.getByLabel("Email").fill(person.email);
    await this.page.getByLabel("Password").fill(person.password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Stories" })).toBeVisible();
  }

  async addStaffMember(person: Person, role: "writer" | "editor" | "admin") {
    await this.page.goto("/admin/staff");
    const form = this.page.getByRole("form", { name: "Add a staff member" });
    await form.getByLabel("Name").fill(person.name);
    await form.getByLabel("Email").fill(person.email);
    await form.getByLabel("Role").selectOption(role);
    await form.getByLabel("First password").fill(person.password);
    await form.getByRole("button", { name: "Add staff member" }).click();
    await expect(this.page.getByTestId("new-staff-status")).toContainText(`${person.name} can now sign in as ${role}`);
  }

  async openArticle(headline: string) {
    await this.page.goto(`/admin?q=${encodeURIComponent(headline)}`);
    await this.page.getByRole("link", { name: headline }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Edit story" })).toBeVisible();
  }

  /** Writes a new story and publishes it at once; answers the story's id for API calls. */
  async publishNewArticle(article: { headline: string; section: string; body: string }): Promise<string> {
    await this.page.goto("/admin/articles/new");
    await this.page.getByLabel("Headline", { exact: true }).fill(article.headline);
    await this.page.getByLabel("Section").selectOption({ label: article.section });
    await this.writeStorySource(article.body);
    await this.page.getByRole("button", { name: "Save draft" }).click();
    await expect(this.page).toHaveURL(/\/admin\/articles\/[0-9a-f-]{36}\?created=draft/);
    await this.page.getByRole("button", { name: "Publish now" }).click();
    await expect(this.editorStatus()).toHaveText("Published.");
    return this.page.url().split("?")[0]!.split("/").at(-1)!;
  }

  /** Types the body as MDX source, for a test about the text itself rather than the rich editor. */
  async writeStorySource(body: string) {
    await this.page.getByRole("button", { name: "MDX source" }).click();
    await this.page.getByRole("textbox", { name: "Story" }).fill(body);
  }

  editorStatus() {
    return this.page.getByTestId("editor-status");
  }
}
