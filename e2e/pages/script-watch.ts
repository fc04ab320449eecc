import { expect, type Page } from "@playwright/test";

const URL_ATTRIBUTES = ["href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background"];
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

declare global {
  interface Window {
    __scriptWatch: { cspViolations: string[] };
  }
}

/**
 * Watches a page for the signs of injected code: a dialog (alert, confirm, prompt), a request to
 * any host but this site, or a Content-Security-Policy violation — the browser's report that
 * something tried to run or load what the page never meant to. The CSP report catches an injected
 * inline script even though the policy stops it from running.
 */
export class ScriptWatch {
  readonly dialogs: string[] = [];
  readonly foreignRequests: string[] = [];

  private constructor(readonly page: Page) {}

  static async on(page: Page): Promise<ScriptWatch> {
    const watch = new ScriptWatch(page);
    page.on("dialog", async (dialog) => {
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    page.context().on("request", (request) => {
      const url = new URL(request.url());
      if (["http:", "https:", "ws:", "wss:"].includes(url.protocol) && !LOCAL_HOSTS.has(url.hostname)) {
        watch.foreignRequests.push(request.url());
      }
    });
    await page.addInitScript(() => {
      window.__scriptWatch = { cspViolations: [] };
      document.addEventListener("securitypolicyviolation", (event) => {
        window.__scriptWatch.cspViolations.push(
          `${event.violatedDirective} ${event.blockedURI} ${event.sample} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
        );
      });
    });
    return watch;
  }

  /** Loads a page and checks that nothing on it ran or reached out; `what` names it in failures. */
  async visit(url: string, what: string) {
    const response = await this.page.goto(url);
    expect(response?.status(), `${what}: ${url}`).toBeLessThan(500);
    await this.expectNothingRan(what);
    return response;
  }

  async expectNothingRan(what: string) {
    expect(this.dialogs, `dialogs opened by ${what}`).toEqual([]);
    expect(this.foreignRequests, `requests to other hosts from ${what}`).toEqual([]);
    const cspViolations = await this.page.evaluate(() => window.__scriptWatch?.cspViolations ?? []);
    expect(cspViolations, `Content-Security-Policy violations on ${what}`).toEqual([]);
    const injected = await this.page.evaluate((urlAttributeNames) => {
      const urlAttributes = new Set(urlAttributeNames);
      const found: string[] = [];
      for (const element of document.querySelectorAll("main *")) {
        const tag = element.tagName.toLowerCase();
        if (["script", "iframe", "object", "embed", "style", "frame", "base", "meta", "link"].includes(tag)) {
          if (tag !== "script" || element.getAttribute("type") !== "application/ld+json") found.push(`<${tag}>`);
        }
        for (const attribute of element.getAttributeNames()) {
          const value = element.getAttribute(attribute) ?? "";
          if (attribute.startsWith("on")) found.push(`${tag}[${attribute}]`);
          const address = value.replace(/[\s\u0000-\u001f]/g, "");
          if (urlAttributes.has(attribute) && /^(javascript|vbscript|data):/i.test(address))
            found.push(`${tag}[${attribute}=${value}]`);
        }
      }
      return found;
    }, URL_ATTRIBUTES);
    expect(injected, `active elements or attributes inside <main> on ${what}`).toEqual([]);
  }
}
