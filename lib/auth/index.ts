import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyStaffCredentials } from "@/db/queries/staff";
import { authConfig } from "./config";

const credentialsSchema = z.object({
  email: z.string().trim().max(320),
  password: z.string().max(1_024),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const staff = await verifyStaffCredentials(parsed.data);
        if (!staff) return null;
        return { id: staff.id, name: staff.name, email: staff.email, role: staff.role, sessionVersion: staff.sessionVersion };
      },
    }),
  ],
  logger: {
    // A wrong password is an everyday event, not a server error worth a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin") return;
      console.error(error);
    },
  },
});
