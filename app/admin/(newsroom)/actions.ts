"use server";

import { endMySessions } from "@/db/queries/staff-accounts";
import { refusedOr } from "@/lib/actions/staff-action";
import { signOut } from "@/lib/auth";

export async function signOutAction() {
  // Refused when already signed out elsewhere: clearing this browser's cookie is all that is left to do.
  await refusedOr(endMySessions);
  await signOut({ redirectTo: "/login" });
}
