import "server-only";
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { useSecureCookies } from "./config";

/*
 * OWASP's "slow down online guessing attacks with device cookies": a browser that has signed in to an
 * account before is handed a cookie that says so, and its attempts at that account are counted on
 * their own. Guesses from anywhere else share the account's budget, so an attacker who runs that
 * budget down, under whatever address they claim, locks out only other strangers, never the owner's
 * own browsers.
 *
 * The cookie holds a random nonce (the device's name in the counts) and an HMAC binding it to the
 * account; the account itself is not in it, only checked against it. A cookie forged, altered or
 * given to another account is no device cookie at all.
 */

export const DEVICE_COOKIE_NAME = useSecureCookies ? "__Host-newsroom.device" : "newsroom.device";

// A year: long enough that staff who sign in now and then are still recognised next time.
const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

const NONCE = /^[\w-]{22}$/;

/** As cookies() from next/headers and NextResponse's cookies take it. */
export type DeviceCookie = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: "/"; maxAge: number };
};

let key: Buffer | undefined;

// A key of its own, derived from AUTH_SECRET, so nothing Auth.js signs can pass for a device cookie
// or the other way round.
function deviceKey(): Buffer {
  if (!env.AUTH_SECRET)
    throw new Error("AUTH_SECRET is not set: device cookies are signed with a key derived from it.");
  key ??= Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "", "newsroom sign-in device cookie", 32));
  return key;
}

function signature(account: string, nonce: string): string {
  return createHmac("sha256", deviceKey()).update(`${account}|${nonce}`).digest("base64url");
}

/**
 * A new device cookie for a browser that has just signed in to `account`
 * (lib/auth/sign-in-throttle.ts's accountKey).
 */
export function deviceCookieFor(account: string): DeviceCookie {
  const nonce = randomBytes(16).toString("base64url");
  return {
    name: DEVICE_COOKIE_NAME,
    value: `${nonce}.${signature(account, nonce)}`,
    options: {
      httpOnly: true,
      sameSite: "lax",
      secure: useSecureCookies,
      path: "/",
      maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
    },
  };
}

/** The device cookie's value in a request's Cookie header, if it carries one. */
export function deviceCookieIn(headers: Headers): string | undefined {
  for (const pair of headers.get("cookie")?.split(";") ?? []) {
    const [name, value] = pair.trim().split("=", 2);
    if (name === DEVICE_COOKIE_NAME) return value;
  }
  return undefined;
}

/** The device's nonce when `value` is a cookie this site gave a browser that signed in to `account`. */
export function trustedDevice(value: string | undefined, account: string): string | undefined {
  const [nonce, mac, ...rest] = value?.split(".") ?? [];
  if (!nonce || !mac || rest.length > 0 || !NONCE.test(nonce)) return undefined;
  const given = Buffer.from(mac);
  const expected = Buffer.from(signature(account, nonce));
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : undefined;
}
