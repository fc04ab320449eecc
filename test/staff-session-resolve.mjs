/**
 * Node resolve hooks for child processes that run the data-access layer outside Next and Vitest
 * (test/newsroom-child.ts). Registered by test/staff-session-hooks.mjs.
 */
const AUTH = new URL("../lib/auth/index.ts", import.meta.url).href;
const FAKE = new URL("./staff-session.ts", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  // exifr's `main` is a UMD file whose named exports Node's ESM loader cannot see; bundlers,
  // Vite included, take its `module` build instead, and so does this.
  if (specifier === "exifr") return nextResolve("exifr/dist/full.esm.mjs", context);
  const resolved = await nextResolve(specifier, context);
  // Auth.js needs a request: the fake session stands in, as `vi.mock("@/lib/auth", …)` does in Vitest.
  return resolved.url.split("?")[0] === AUTH ? { ...resolved, url: FAKE } : resolved;
}
