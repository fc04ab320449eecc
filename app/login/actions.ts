"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { z } from "zod";
import { idle, type ActionResult, type FormState } from "@/lib/actions/result";
import { signIn, SignInThrottledError } from "@/lib/auth";
import { signInGivingDeviceCookie } from "@/lib/auth/credentials-route";
import { tooManyAttemptsMessage } from "@/lib/auth/sign-in-throttle";
import { staffDestination } from "@/lib/auth/staff-destination";
import { staffLine } from "@/lib/editor/staff-text";
import { site } from "@/lib/site";

const signInSchema = z.object({
  email: staffLine()
    .trim()
    .min(1, "Enter your email address.")
    .max(320, "That is longer than any email address; check what you typed."),
  password: z
    .string()
    .min(1, "Enter your password.")
    .max(1_024, "That is longer than any password here; check what you typed."),
  // A return address that cannot be one (too long, or broken across lines) is dropped, not refused:
  // the sign-in still works.
  callbackUrl: staffLine().max(2_048).optional().catch(undefined),
});

/** Only a turned-back sign-in answers: a successful one is a redirect. */
export type SignInResult = Exclude<ActionResult, { status: "ok" }>;

const refused = (message: string): SignInResult => ({ status: "refused", message, signedOut: true });

export async function signInAction(
  _previous: FormState<SignInResult>,
  formData: FormData,
): Promise<FormState<SignInResult>> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { status: "invalid", message: parsed.error.issues[0]?.message ?? "Enter your email and password." };
  }
  try {
    await signInGivingDeviceCookie(
      () =>
        signIn("credentials", {
          email: parsed.data.email,
          password: parsed.data.password,
          // A crafted ?callbackUrl= must not send staff to another site after signing in.
          redirectTo: staffDestination(parsed.data.callbackUrl, site.url),
        }),
      async ({ name, value, options }) => {
        (await cookies()).set(name, value, options);
      },
    );
    return idle;
  } catch (error) {
    // Success is a redirect, thrown for Next to handle; only Auth.js's own refusals are answered here,
    // and neither answer tells an unknown email from a wrong password.
    if (error instanceof SignInThrottledError) return refused(tooManyAttemptsMessage(error.retryAfterSeconds));
    if (error instanceof AuthError) return refused("That email and password do not match an active account.");
    throw error;
  }
}
