import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { STAFF_LIMITS } from "./form-limits";
import { staffLine } from "./staff-text";

const roleSchema = z.enum(["admin", "editor", "writer"], "Choose a role.");

const staffName = (missing: string, whose: "the" | "your") =>
  staffLine()
    .trim()
    .min(1, missing)
    .max(STAFF_LIMITS.name, `Keep ${whose} name to ${STAFF_LIMITS.name} characters or fewer.`);

const staffEmail = z
  .email("Enter a valid email address.")
  .max(STAFF_LIMITS.email, `Keep the email address to ${STAFF_LIMITS.email} characters or fewer.`);

export const newStaffSchema = z.object({
  name: staffName("Enter the person's name.", "the"),
  email: staffEmail,
  role: roleSchema,
  password: newPasswordSchema,
});

export const accountChangeSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("role"), id: z.uuid(), role: roleSchema }),
  z.object({ change: z.literal("disable"), id: z.uuid() }),
  z.object({ change: z.literal("enable"), id: z.uuid() }),
  z.object({ change: z.literal("password"), id: z.uuid(), password: newPasswordSchema }),
]);

/** The first-run form: the first administrator, who types the password twice. */
export const setupSchema = z
  .object({
    name: staffName("Enter your name.", "your"),
    email: staffEmail,
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((form) => form.password === form.confirmPassword, {
    message: "The two passwords differ.",
    path: ["confirmPassword"],
  });
