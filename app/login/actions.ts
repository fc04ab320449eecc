"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, SignInThrottledError } from "@/lib/auth";
import { tooManyAttemptsMessage } from "@/lib/auth/sign-in-throttle";

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320),
  password: z.string().min(1, "Enter your password.").max(1_024),
  callbackUrl: z.string().optional(),
});

export type SignInState = { error?: string };

// Only paths inside this site: a crafted ?callbackUrl= must not send staff elsewhere after signing in.
function safeDestination(callbackUrl: string | undefined): string {
  return callbackUrl?.startsWith("/admin") && !callbackUrl.startsWith("//") ? callbackUrl : "/admin";
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Enter your email and password." };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeDestination(parsed.data.callbackUrl),
    });
    return {};
  } catch (error) {
    // Success is a redirect, thrown for Next to handle; only Auth.js's own refusals are answered here,
    // and neither answer tells an unknown email from a wrong password.
    if (error instanceof SignInThrottledError) return { error: tooManyAttemptsMessage(error.retryAfterSeconds) };
    if (error instanceof AuthError) return { error: "That email and password do not match an active account." };
    throw error;
  }
}
