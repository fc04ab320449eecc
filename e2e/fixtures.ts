import { test as base, expect } from "@playwright/test";

type Fixtures = { expectedConsoleErrors: RegExp[]; consoleErrors: string[] };

/** Every test fails if the page logs an error or throws, so broken pages cannot pass quietly. */
export const test = base.extend<Fixtures>({
  expectedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        if (expectedConsoleErrors.some((pattern) => pattern.test(message.text()))) return;
        errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "console errors on the page").toEqual([]);
    },
    { auto: true },
  ],
});

/** The browser itself logs a 404 document load as an error; that one is what these tests expect. */
export const NOT_FOUND_LOAD = /Failed to load resource: the server responded with a status of 404/;

export { expect };
