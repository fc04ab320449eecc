import { redirect } from "next/navigation";

export { auth, session, signInAs } from "./staff-session";

/**
 * All of lib/auth that app/ imports, for tests that load every entry point
 * (`vi.mock("@/lib/auth", () => import("@/test/auth-stand-in"))`). The session comes from
 * staff-session; signing in is Auth.js's own work and is proved end to end (e2e/), so here it
 * only fails loudly; signing out answers as Auth.js does, with a redirect.
 */
export class SignInThrottledError extends Error {}

export async function signIn(): Promise<never> {
  throw new Error("Signing in is Auth.js's work, proved end to end in e2e/.");
}

export async function signOut({ redirectTo }: { redirectTo: string }): Promise<never> {
  redirect(redirectTo);
}

export const handlers = { GET: signIn, POST: signIn };
