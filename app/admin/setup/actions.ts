"use server";

import { createFirstAdministrator } from "@/db/queries/staff";
import { staffAction } from "@/lib/actions/staff-action";
import { signIn } from "@/lib/auth";
import { setupSchema } from "@/lib/editor/staff-form";

/** No sign-in is asked for: the data layer creates the administrator only while nobody can sign in. */
export const createFirstAdministratorAction = staffAction({
  role: null,
  schema: setupSchema,
  echo: ["name", "email"],
  run: async (input) => {
    await createFirstAdministrator(input);
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: "/admin" });
    return { status: "ok", message: "The administrator account is ready." };
  },
});
