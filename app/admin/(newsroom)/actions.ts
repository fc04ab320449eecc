"use server";

import { endMySessions } from "@/db/queries/staff-accounts";
import { signOut } from "@/lib/auth";
import { NotAuthorizedError } from "@/lib/auth/staff";

export async function signOutAction() {
  try {
    await endMySessions();
  } catch (error) {
    // Already signed out elsewhere: clearing this browser's cookie is all that is left to do.
    if (!(error instanceof NotAuthorizedError)) throw error;
  }
  await signOut({ redirectTo: "/login" });
}
