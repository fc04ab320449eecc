import { expect, test, NOT_FOUND_LOAD } from "./fixtures";

test.use({ expectedConsoleErrors: [NOT_FOUND_LOAD] });

const ARTICLE = "ukraine-to-receive-nato-support-and-membership-after-conflict";
const PHOTO = "00000000-0000-4000-8000-000000000000";

// Each is what a scanner, a mangled link or a curious reader may ask for; none may reach the database as a fault.
const NOT_FOUND = [
  "/articles/%00",
  `/articles/${ARTICLE}%00`,
  "/articles/%00/opengraph-image",
  "/category/%00",
  "/category/%00/rss.xml",
  "/category/conflicts/before/%00",
  "/category/%00/before/%00",
  "/tag/%00",
  "/tag/%00/rss.xml",
  "/tag/nato/before/%00",
  "/author/%00",
  "/author/%00/before/%00",
  "/articles/%02nato%03",
  "/category/Conflicts%0A",
  `/articles/${"a".repeat(4_000)}`,
  "/media/%00",
  `/media/${PHOTO}/%00`,
  "/sitemaps/%00.xml",
  "/front-page/%00",
];

const ANSWERED = [
  "/search?q=%00",
  "/search?q=%02NATO%03",
  `/search?q=${"nato ".repeat(2_000)}`,
  `/search?q=${"%F0%9F%87%BA%F0%9F%87%A6".repeat(500)}`,
  "/search?q=NATO&page=%00",
  "/search?q=NATO&page=99999999999999999999",
];

// Percent-encoding that decodes to no text at all: the proxy refuses it (Next alone would answer a bare 500).
const MALFORMED = [
  "/articles/%E0%A4%A",
  "/category/%ZZ",
  "/tag/%C0%AF",
  "/author/%FF",
  "/category/conflicts/before/%E0%80",
];

test("a slug or cursor holding a NUL, a control character or junk is a 404, never a server error", async ({
  request,
}) => {
  for (const url of NOT_FOUND) {
    expect((await request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
  }
});

test("search answers a NUL, the highlight markers, a huge query or a junk page number without a server error", async ({
  request,
}) => {
  for (const url of ANSWERED) {
    expect((await request.get(url, { maxRedirects: 0 })).status(), url.slice(0, 80)).toBeLessThan(500);
  }
});

test("an address with broken percent-encoding is refused, never a server error", async ({ request }) => {
  for (const url of MALFORMED) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(400);
    expect(await response.text(), url).toBe("This address is not valid: check the link or type it again.");
  }
});
