"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeStaffRole, createStaffAccount, resetStaffPassword, setStaffDisabled } from "@/db/queries/staff-accounts";
import { StaffAccountExistsError } from "@/db/queries/staff";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { staffLine } from "@/lib/editor/staff-text";

type NewStaffField = "name" | "email" | "role";

/** `values` hands back what was typed (never the password), so a refused form still shows it to correct. */
export type StaffFormState =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | {
      status: "invalid";
      message: string;
      fieldErrors?: Record<string, string[] | undefined>;
      values?: Partial<Record<NewStaffField, string>>;
    };

const roleSchema = z.enum(["admin", "editor", "writer"], "Choose a role.");

const newStaffSchema = z.object({
  name: staffLine().trim().min(1, "Enter the person's name.").max(120, "Keep the name to 120 characters or fewer."),
  email: z.email("Enter a valid email address.").max(320, "Keep the email address to 320 characters or fewer."),
  role: roleSchema,
  password: newPasswordSchema,
});

async function run(action: () => Promise<string>): Promise<StaffFormState> {
  try {
    const message = await action();
    revalidatePath("/admin/staff");
    return { status: "ok", message };
  } catch (error) {
    if (error instanceof NotAuthorizedError || error instanceof StaffAccountExistsError)
      return { status: "invalid", message: error.message };
    throw error;
  }
}

export async function createStaffAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const values = {
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    role: String(formData.get("role") ?? ""),
  };
  const parsed = newStaffSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return {
      status: "invalid",
      message: "Some fields need attention.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values,
    };
  const outcome = await run(async () => {
    const staff = await createStaffAccount(parsed.data);
    return `${staff.name} can now sign in as ${staff.role}. Give them their password in person or by phone, not by email.`;
  });
  return outcome.status === "invalid" ? { ...outcome, values } : outcome;
}

const accountChangeSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("role"), id: z.uuid(), role: roleSchema }),
  z.object({ change: z.literal("disable"), id: z.uuid() }),
  z.object({ change: z.literal("enable"), id: z.uuid() }),
  z.object({ change: z.literal("password"), id: z.uuid(), password: newPasswordSchema }),
]);

export async function changeStaffAccountAction(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const parsed = accountChangeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { status: "invalid", message: parsed.error.issues[0]?.message ?? "That change could not be made." };
  const input = parsed.data;
  return run(async () => {
    switch (input.change) {
      case "role":
        await changeStaffRole({ id: input.id, role: input.role });
        return `Role changed to ${input.role}; their current session has ended.`;
      case "disable":
        await setStaffDisabled({ id: input.id, disabled: true });
        return "Account disabled; it lost access at once.";
      case "enable":
        await setStaffDisabled({ id: input.id, disabled: false });
        return "Account enabled.";
      case "password":
        await resetStaffPassword({ id: input.id, password: input.password });
        return "Password reset; every session of that account has ended.";
    }
  });
}
