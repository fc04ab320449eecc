"use server";

import { z } from "zod";
import { createFirstAdministrator, SetupAlreadyDoneError } from "@/db/queries/staff";
import { signIn } from "@/lib/auth";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { staffLine } from "@/lib/editor/staff-text";

const setupSchema = z
  .object({
    name: staffLine().trim().min(1, "Enter your name.").max(120, "Keep your name to 120 characters or fewer."),
    email: z.email("Enter a valid email address.").max(320, "Keep the email address to 320 characters or fewer."),
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((form) => form.password === form.confirmPassword, {
    message: "The two passwords differ.",
    path: ["confirmPassword"],
  });

export type SetupState = {
  fieldErrors?: Partial<Record<"name" | "email" | "password" | "confirmPassword", string[]>>;
  error?: string;
  values?: { name: string; email: string };
};

export async function createFirstAdministratorAction(_previous: SetupState, formData: FormData): Promise<SetupState> {
  const input = Object.fromEntries(formData);
  const values = { name: String(input.name ?? ""), email: String(input.email ?? "") };
  const parsed = setupSchema.safeParse(input);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    await createFirstAdministrator(parsed.data);
  } catch (error) {
    if (error instanceof SetupAlreadyDoneError) return { error: error.message, values };
    throw error;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/admin" });
  return {};
}
