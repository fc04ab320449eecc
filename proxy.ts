import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);

// An early redirect to /login for the staff area; the data-access layer still checks every call.
export const proxy = auth;

export const config = { matcher: ["/admin/:path*"] };
