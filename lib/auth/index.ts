import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { staffLine } from "@/lib/editor/staff-text";
import { authConfig } from "./config";
import { authorizeStaff } from "./sign-in";

const credentialsSchema = z.object({
  // A NUL posted straight to the endpoint would otherwise reach PostgreSQL as an encoding error.
  email: staffLine().trim().max(320),
  password: z.string().max(1_024),
});

/** Refused before the password was checked: too many failures for this account here, or from this address. */
export class SignInThrottledError extends CredentialsSignin {
  // Auth.js puts the code into its redirect URL; it says nothing about whether the account exists.
  code = "too-many-attempts";

  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await authorizeStaff(parsed.data, request.headers);
        if (outcome.status === "throttled") throw new SignInThrottledError(outcome.retryAfterSeconds);
        return outcome.status === "signed-in" ? outcome.staff : null;
      },
    }),
  ],
  logger: {
    // A wrong password, or one too many, is an everyday event, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
});
