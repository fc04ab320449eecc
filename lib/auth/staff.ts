import "server-only";
import { cache } from "react";
import { findSessionStaff } from "@/db/queries/staff";
import { auth } from "./index";
import { hasRole, type Staff, type StaffRole } from "./roles";

/** Refused: no valid session, or a role too low for what was asked. */
export class NotAuthorizedError extends Error {
  constructor(
    readonly reason: "signed-out" | "forbidden",
    message: string,
  ) {
    super(message);
    this.name = "NotAuthorizedError";
  }
}

/**
 * The signed-in staff member, checked against the database on every request:
 * a disabled account, or one whose password changed since sign-in, has no session.
 */
export const currentStaff = cache(async (): Promise<Staff | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const staff = await findSessionStaff({ id });
  if (!staff || staff.disabled || staff.sessionVersion !== session.user.sessionVersion) return null;
  return { id: staff.id, name: staff.name, email: staff.email, role: staff.role };
});

export async function requireStaff(minimum: StaffRole = "writer"): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) throw new NotAuthorizedError("signed-out", "Sign in to continue.");
  if (!hasRole(staff, minimum)) {
    throw new NotAuthorizedError(
      "forbidden",
      `Only ${minimum === "admin" ? "administrators" : `${minimum}s and above`} may do this.`,
    );
  }
  return staff;
}
