import type { Locator, Page } from "@playwright/test";

export type BodyBlock = { kind: "paragraph"; text: string } | { kind: "photo"; caption: string; camera: string };

/** The article page as a reader sees it. */
export class ArticlePage {
  readonly headline: Locator;
  readonly sectionLink: Locator;
  readonly byline: Locator;
  readonly leadPhoto: Locator;
  readonly body: Locator;

  constructor(readonly page: Page) {
    this.headline = page.getByRole("heading", { level: 1 });
    this.sectionLink = page.getByRole("article").getByRole("link").first();
    this.byline = page
      .getByRole("article")
      .locator("header")
      .getByText(/^Published/);
    this.leadPhoto = page.getByRole("article").locator("header figure");
    this.body = page.locator("[data-article-body]");
  }

  async goto(slug: string) {
    return this.page.goto(`/articles/${slug}`);
  }

  publishedTime(): Locator {
    return this.page.getByRole("article").locator("header time").first();
  }

  /** The body's paragraphs and photos, in reading order. */
  async bodyBlocks(): Promise<BodyBlock[]> {
    return this.body.evaluate((element) =>
      Array.from(element.children).flatMap((child): BodyBlock[] => {
        if (child.tagName === "P") return [{ kind: "paragraph", text: child.textContent?.trim() ?? "" }];
        if (child.matches("figure[data-photo]")) {
          return [
            {
              kind: "photo",
              caption: child.querySelector("[data-caption]")?.textContent?.trim() ?? "",
              camera: child.querySelector("[data-camera]")?.textContent?.trim() ?? "",
            },
          ];
        }
        return [];
      }),
    );
  }
}
