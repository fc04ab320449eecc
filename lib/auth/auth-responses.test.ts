// next-auth's own entry loads `next/server`, which Vitest's Node cannot resolve outside Next; the
// engine it wraps, @auth/core (the exact version next-auth pins), answers the same requests.
import { Auth, type AuthConfig } from "@auth/core";
import { CredentialsSignin } from "@auth/core/errors";
import Credentials from "@auth/core/providers/credentials";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  reportThrottledSignIn,
  reportTrustedDevice,
  signInGivingDeviceCookie,
  withSignInLimits,
} from "./credentials-route";
import type { DeviceCookie } from "./device-cookie";

const staffMember = {
  id: "7f1c1c4e-0000-4000-8000-000000000001",
  name: "Rosa",
  email: "rosa@newsroom.example",
  role: "writer" as const,
  sessionVersion: 1,
};

/** Auth.js as the app configures it (lib/auth/config.ts), for a site published at `publicAddress`. */
async function authFor(
  publicAddress: string,
  authorize: () => Promise<typeof staffMember | null>,
): Promise<AuthConfig> {
  vi.resetModules();
  vi.stubEnv("SITE_URL", publicAddress);
  vi.stubEnv("AUTH_URL", "");
  vi.stubEnv("AUTH_SECRET", "a test secret of at least thirty-two characters");
  const { authConfig } = await import("./config");
  return {
    ...authConfig,
    secret: "a test secret of at least thirty-two characters",
    basePath: "/api/auth",
    providers: [Credentials({ authorize })],
    logger: { error: () => {} },
  };
}

/** The sign-in form's POST, carrying the CSRF token and cookie Auth.js hands out first. */
async function credentialsPost(config: AuthConfig, origin: string) {
  const csrf = await Auth(new Request(`${origin}/api/auth/csrf`), config);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const request = new NextRequest(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; "),
    },
    body: new URLSearchParams({
      csrfToken,
      email: staffMember.email,
      password: "a long and unusual passphrase",
      callbackUrl: `${origin}/admin`,
    }),
  });
  return { request, csrfCookies: csrf.headers.getSetCookie() };
}

/** Every cookie a browser is handed from the form's first request to a session, by name. */
async function signInCookies(config: AuthConfig, origin: string): Promise<Map<string, string>> {
  const { request, csrfCookies } = await credentialsPost(config, origin);
  const signIn = await Auth(request, config);
  return new Map([...csrfCookies, ...signIn.headers.getSetCookie()].map((cookie) => [cookie.split("=")[0]!, cookie]));
}

const attributes = (cookie: string | undefined) =>
  cookie
    ?.split(";")
    .slice(1)
    .map((part) => part.trim().toLowerCase())
    .sort();

afterEach(() => vi.unstubAllEnvs());

describe("sign-in cookies", () => {
  it("are HttpOnly, SameSite=Lax, Secure and __Host-/__Secure- named when the site is https, even if a proxy forwarded plain http", async () => {
    const cookies = await signInCookies(
      await authFor("https://news.example", async () => staffMember),
      "http://news.example",
    );
    expect([...cookies.keys()].sort()).toEqual([
      "__Host-authjs.csrf-token",
      "__Secure-authjs.callback-url",
      "__Secure-authjs.session-token",
    ]);
    for (const name of ["__Host-authjs.csrf-token", "__Secure-authjs.callback-url"]) {
      expect(attributes(cookies.get(name)), name).toEqual(["httponly", "path=/", "samesite=lax", "secure"]);
    }
    expect(attributes(cookies.get("__Secure-authjs.session-token"))).toEqual([
      expect.stringMatching(/^expires=/),
      "httponly",
      "path=/",
      "samesite=lax",
      "secure",
    ]);
  });

  it("stay HttpOnly and SameSite=Lax without Secure on an http address such as development's", async () => {
    const cookies = await signInCookies(
      await authFor("http://localhost:3000", async () => staffMember),
      "http://localhost:3000",
    );
    expect(attributes(cookies.get("authjs.session-token"))).toEqual([
      expect.stringMatching(/^expires=/),
      "httponly",
      "path=/",
      "samesite=lax",
    ]);
    expect(attributes(cookies.get("authjs.csrf-token"))).toEqual(["httponly", "path=/", "samesite=lax"]);
  });
});

describe("the device cookie a sign-in hands out", () => {
  /** lib/auth/device-cookie.ts as the server at `publicAddress` (set by authFor) loads it. */
  async function deviceCookieFor(account: string): Promise<DeviceCookie> {
    return (await import("./device-cookie")).deviceCookieFor(account);
  }

  it("comes with the session cookie from the credentials route, HttpOnly, SameSite=Lax, Secure, __Host- named and kept for a year", async () => {
    const config = await authFor("https://news.example", async () => {
      reportTrustedDevice(await deviceCookieFor("an account"));
      return staffMember;
    });
    const { request } = await credentialsPost(config, "https://news.example");
    const response = await withSignInLimits((req) => Auth(req, config))(request);
    expect(response.status).toBe(302);
    const cookies = new Map(response.headers.getSetCookie().map((cookie) => [cookie.split("=")[0]!, cookie]));
    expect([...cookies.keys()].sort()).toEqual([
      "__Host-newsroom.device",
      "__Secure-authjs.callback-url",
      "__Secure-authjs.session-token",
    ]);
    expect(attributes(cookies.get("__Host-newsroom.device"))).toEqual([
      "httponly",
      "max-age=31536000",
      "path=/",
      "samesite=lax",
      "secure",
    ]);
  });

  it("is not handed out with a refusal", async () => {
    const config = await authFor("https://news.example", async () => null);
    const { request } = await credentialsPost(config, "https://news.example");
    const response = await withSignInLimits((req) => Auth(req, config))(request);
    expect(response.headers.getSetCookie().filter((cookie) => cookie.includes("newsroom.device"))).toEqual([]);
  });

  it("reaches the form's server action even though a successful sign-in ends in a thrown redirect", async () => {
    await authFor("http://localhost:3000", async () => null);
    const given = await deviceCookieFor("an account");
    const set: DeviceCookie[] = [];
    const redirect = new Error("NEXT_REDIRECT");
    const signIn = signInGivingDeviceCookie(
      async () => {
        reportTrustedDevice(given);
        throw redirect;
      },
      async (cookie) => {
        set.push(cookie);
      },
    );
    await expect(signIn).rejects.toBe(redirect);
    expect(set).toEqual([given]);
  });
});

describe("the credentials route", () => {
  it("answers 429 with Retry-After when the credentials check reports a wait from inside Auth.js", async () => {
    const config = await authFor("https://news.example", async () => {
      reportThrottledSignIn(95);
      throw new CredentialsSignin();
    });
    const { request } = await credentialsPost(config, "https://news.example");
    const response = await withSignInLimits((req) => Auth(req, config))(request);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("95");
    expect(await response.json()).toEqual({ error: "Too many attempts — try again in 2 minutes." });
  });

  it("passes any other refusal through as Auth.js answered it", async () => {
    const config = await authFor("https://news.example", async () => null);
    const { request } = await credentialsPost(config, "https://news.example");
    const response = await withSignInLimits((req) => Auth(req, config))(request);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(
      "https://news.example/login?error=CredentialsSignin&code=credentials",
    );
  });
});
