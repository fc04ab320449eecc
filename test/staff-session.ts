import type { Staff } from "@/lib/auth/roles";

/**
 * Stands in for Auth.js in database tests (`vi.mock("@/lib/auth", () => import("@/test/staff-session"))`):
 * the data-access layer still checks the account against the database on every call. It must not
 * import lib/auth itself, which it replaces.
 */
type FakeSession = { user: { id: string; role: string; sessionVersion: number } };

export const session: { current: FakeSession | null } = { current: null };

export async function auth(): Promise<FakeSession | null> {
  return session.current;
}

export function signInAs(staff: Pick<Staff, "id" | "role"> | null | undefined, sessionVersion = 1) {
  session.current = staff ? { user: { id: staff.id, role: staff.role, sessionVersion } } : null;
}
