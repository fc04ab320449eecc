import { expect, test } from "./fixtures";

test("reader pages and feeds carry the security headers and no X-Powered-By", async ({ request }) => {
  for (const url of [
    "/",
    "/articles/ukraine-to-receive-nato-support-and-membership-after-conflict",
    "/rss.xml",
    "/search?q=NATO",
  ]) {
    const headers = (await request.get(url)).headers();
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], url).toContain("camera=()");
    expect(headers["content-security-policy"], url).toContain("object-src 'none'");
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'self'");
    expect(headers["x-powered-by"], url).toBeUndefined();
  }
});

test("the staff area can never be framed", async ({ request }) => {
  for (const url of ["/login", "/admin"]) {
    const headers = (await request.get(url, { maxRedirects: 0 })).headers();
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"], url).toBe("DENY");
  }
});

test("a page under the Content-Security-Policy still runs its scripts", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@newsroom.example");
  await page.getByLabel("Password").fill("not a password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  // The answer arrives through a server action: only possible if React hydrated under the policy.
  await expect(page.getByTestId("form-error")).toBeVisible();
  expect(violations).toEqual([]);
});
