import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";
import type { StaffRole } from "./roles";
import { isStaffPath } from "./staff-paths";

declare module "next-auth" {
  interface User {
    role?: StaffRole;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: StaffRole; sessionVersion: number };
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    id?: string;
    role?: StaffRole;
    sessionVersion?: number;
  }
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * Auth.js's cookies are always HttpOnly and SameSite=Lax; they are Secure, with __Secure- and
 * __Host- names, only when it takes the request for https, which it would not behind a proxy that
 * drops X-Forwarded-Proto. The public address decides instead, the same for every request; the
 * sign-in device cookie (./device-cookie.ts) follows the same rule.
 */
export const useSecureCookies = new URL(env.AUTH_URL ?? env.SITE_URL).protocol === "https:";

/**
 * The part of the sign-in set-up the proxy can load without the database. The
 * proxy only redirects early; every page and query checks the session again.
 */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies,
  providers: [],
  trustHost: true,
  callbacks: {
    authorized({ auth, request }) {
      const { pathname } = request.nextUrl;
      if (pathname === "/admin/setup") return true;
      if (isStaffPath(pathname)) return Boolean(auth?.user);
      return true;
    },
    jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.id && token.role && token.sessionVersion !== undefined) {
        session.user.id = token.id;
        session.user.role = token.role;
        session.user.sessionVersion = token.sessionVersion;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
