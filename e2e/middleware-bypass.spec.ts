import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Tricks that have let requests past a Next.js proxy (middleware), or made it treat a request as
 * internal or a prefetch, tried by a visitor without a session. The proxy only redirects early; the
 * data-access layer refuses on its own (app/entry-points.test.ts), so none of these may ever reach
 * staff content or change anything. Anonymous throughout: the newsroom spec owns the first admin.
 */

// Words only each staff page, or the newsroom layout around it, says; never the sign-in page or a public one.
const STAFF_PAGES: Record<string, string[]> = {
  "/admin": ["Sign out", "Filter stories"],
  "/admin/staff": ["Sign out", "Add a staff member"],
  "/admin/articles/new": ["Sign out", "Title for search engines"],
};

const pathVariants = (page: string) => [
  page,
  `${page}/`,
  `${page}.rsc`,
  `${page}?_rsc=abc`,
  `${page}.segments/_tree.segment.rsc`,
  page.toUpperCase(),
  page.replace("/admin", "/Admin"),
  page.replace("/admin", "/%61dmin"),
  `/_next/data/build-id${page}.json`,
];

const repeated = (name: string) => Array.from({ length: 5 }, () => name).join(":");

const BYPASS_HEADERS: Record<string, string>[] = [
  ...["middleware", "proxy", "src/middleware", "src/proxy"].flatMap((name) => [
    { "x-middleware-subrequest": name },
    { "x-middleware-subrequest": repeated(name) },
  ]),
  { RSC: "1" },
  { "Next-Router-Prefetch": "1" },
  { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/_tree" },
  {
    RSC: "1",
    "Next-Router-State-Tree": encodeURIComponent(
      JSON.stringify(["", { children: ["admin", { children: ["__PAGE__", {}] }] }, null, null, true]),
    ),
  },
  { "x-nextjs-data": "1" },
  { Purpose: "prefetch" },
  { "x-middleware-prefetch": "1" },
];

const label = (url: string, headers: Record<string, string>) => `${url} ${JSON.stringify(headers)}`;

/**
 * Redirects are followed, wherever they lead. The proxy answers each of these with a redirect to
 * sign in; were it skipped, the layout's own redirect and the data-access layer would still leave
 * nothing of the page, which is what is checked, so either defence alone passes.
 */
async function expectNoStaffContent(
  request: APIRequestContext,
  page: string,
  url: string,
  headers: Record<string, string> = {},
) {
  const body = await (await request.get(url, { headers })).text();
  for (const words of STAFF_PAGES[page]!) expect(body, label(url, headers)).not.toContain(words);
}

test("a visitor's request for a staff page finds no staff content, however the address is written", async ({
  request,
}) => {
  for (const page of Object.keys(STAFF_PAGES)) {
    for (const url of pathVariants(page)) await expectNoStaffContent(request, page, url);
  }
});

test("a visitor's request for a staff page finds no staff content, whatever headers claim it is internal or a prefetch", async ({
  request,
}) => {
  for (const page of Object.keys(STAFF_PAGES)) {
    for (const headers of BYPASS_HEADERS) await expectNoStaffContent(request, page, page, headers);
  }
});

type ServerReference = { filename: string; exportedName: string };

/** A server action's id as this build published it: what a visitor could read from the page's JavaScript. */
function actionId(filename: string, exportedName: string): string {
  const manifestFile = path.join(import.meta.dirname, "../.next/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { node: Record<string, ServerReference> };
  const found = Object.entries(manifest.node).find(
    ([, reference]) => reference.filename === filename && reference.exportedName === exportedName,
  );
  if (!found) throw new Error(`${exportedName} in ${filename} is not in the build's server-reference manifest`);
  return found[0];
}

/**
 * A call `action(previousState, formData)` the way React's `encodeReply` sends it: the form's
 * fields under the prefix "_1_", then the argument list, which must come last, in field "0".
 */
function actionCall(previousState: object, fields: Record<string, string>): FormData {
  const call = new FormData();
  for (const [name, value] of Object.entries(fields)) call.append(`_1_${name}`, value);
  call.append("0", JSON.stringify([previousState, "$K1"]));
  return call;
}

async function callAction(
  request: APIRequestContext,
  url: string,
  id: string,
  multipart: FormData,
  headers: Record<string, string> = {},
) {
  // Origin as a browser on the site would send it, so the refusal is never Next's cross-site check.
  const origin = new URL(test.info().project.use.baseURL ?? "").origin;
  return request.post(url, {
    headers: { "Next-Action": id, Accept: "text/x-component", Origin: origin, ...headers },
    multipart,
    maxRedirects: 0,
  });
}

test("the probes below are well-formed: the same call reaches the first-run setup action, which the proxy lets through", async ({
  request,
}) => {
  const id = actionId("app/admin/setup/actions.ts", "createFirstAdministratorAction");
  // Passwords that differ are refused before anything is written, whether or not an administrator exists yet.
  const call = actionCall(
    {},
    {
      name: "Probe",
      email: "probe@newsroom.example",
      password: "a long and unusual passphrase",
      confirmPassword: "another passphrase",
    },
  );
  const response = await callAction(request, "/admin/setup", id, call);
  expect(await response.text()).toContain("The two passwords differ.");
});

// The action's own page and its variants, then pages the proxy lets through: Next forwards an action
// that a page does not know to one that does.
const targets = (page: string) => [page, `${page}.rsc`, `${page}?_rsc=abc`, "/login", "/", "/admin/setup"];

type Attack = {
  does: string;
  page: string;
  file: string;
  exportedName: string;
  fields: Record<string, string>;
  /** Words only the action's success answer contains. */
  success: string;
  /** A public page that would exist had the action worked. */
  publicUrl: string;
};

const attacks: Attack[] = [
  {
    does: "creates a tag",
    page: "/admin/tags",
    file: "app/admin/(newsroom)/tags/actions.ts",
    exportedName: "createTagAction",
    fields: { name: "Bypass Probe Tag" },
    success: "Created the tag",
    publicUrl: "/tag/bypass-probe-tag",
  },
  {
    does: "creates a section",
    page: "/admin/sections",
    file: "app/admin/(newsroom)/sections/actions.ts",
    exportedName: "createSectionAction",
    fields: { name: "Bypass Probe Section", description: "" },
    success: "at the end of the navigation",
    publicUrl: "/category/bypass-probe-section",
  },
  {
    does: "creates an administrator",
    page: "/admin/staff",
    file: "app/admin/(newsroom)/staff/actions.ts",
    exportedName: "createStaffAction",
    fields: {
      name: "Bypass Probe Person",
      email: "bypass.probe@newsroom.example",
      role: "admin",
      password: "a long and unusual passphrase",
    },
    success: "can now sign in",
    publicUrl: "/author/bypass-probe-person",
  },
];

for (const attack of attacks) {
  test(`a visitor who posts the action that ${attack.does} changes nothing, with or without the bypass tricks`, async ({
    request,
  }) => {
    test.setTimeout(90_000);
    const id = actionId(attack.file, attack.exportedName);
    for (const url of targets(attack.page)) {
      for (const headers of [{}, ...BYPASS_HEADERS]) {
        const response = await callAction(request, url, id, actionCall({ status: "idle" }, attack.fields), headers);
        expect(await response.text(), label(url, headers)).not.toContain(attack.success);
      }
    }
    // Asked only now, so no cached "not found" from before could hide a change.
    expect((await request.get(attack.publicUrl)).status()).toBe(404);
  });
}
