import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { NextRequest } from "next/server";
import type { DeviceCookie } from "./device-cookie";
import { tooManyAttemptsMessage } from "./sign-in-throttle";

type RouteHandler = (request: NextRequest) => Promise<Response>;
type SignInOutcome = { retryAfterSeconds?: number; deviceCookie?: DeviceCookie };

// Auth.js turns every refusal from `authorize` into the same redirect to the form, and hands its
// caller no way to add a cookie of ours to a success; this carries both from inside it back out to
// whoever started the sign-in: the route below, or the form's server action.
const signInOutcomes = new AsyncLocalStorage<SignInOutcome>();

export function reportThrottledSignIn(retryAfterSeconds: number): void {
  const outcome = signInOutcomes.getStore();
  if (outcome) outcome.retryAfterSeconds = retryAfterSeconds;
}

/** The device cookie a successful sign-in gives the browser it came from. */
export function reportTrustedDevice(deviceCookie: DeviceCookie): void {
  const outcome = signInOutcomes.getStore();
  if (outcome) outcome.deviceCookie = deviceCookie;
}

/**
 * Runs a sign-in, then hands its device cookie, if it earned one, to `setCookie`: also when the
 * sign-in throws, since a server action's success is a redirect thrown past its caller.
 */
export async function signInGivingDeviceCookie<T>(
  signIn: () => Promise<T>,
  setCookie: (deviceCookie: DeviceCookie) => Promise<void>,
): Promise<T> {
  const outcome: SignInOutcome = {};
  try {
    return await signInOutcomes.run(outcome, signIn);
  } finally {
    if (outcome.deviceCookie) await setCookie(outcome.deviceCookie);
  }
}

function setCookieLine({ name, value, options }: DeviceCookie): string {
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAge}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/**
 * Wraps Auth.js's POST handler: a sign-in refused for too many failures is answered with HTTP 429
 * and Retry-After, which scripts and proxies understand, instead of a redirect; a successful one
 * carries the device cookie.
 */
export function withSignInLimits(handler: RouteHandler): RouteHandler {
  return async (request) => {
    const outcome: SignInOutcome = {};
    const response = await signInOutcomes.run(outcome, () => handler(request));
    if (outcome.retryAfterSeconds !== undefined) {
      return Response.json(
        { error: tooManyAttemptsMessage(outcome.retryAfterSeconds) },
        { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds), "Cache-Control": "no-store" } },
      );
    }
    if (!outcome.deviceCookie) return response;
    // Copied, since a Response's own headers may be read-only (Response.redirect's are); appended, so
    // Auth.js's own Set-Cookie lines pass through exactly as it wrote them.
    const withCookie = new Response(response.body, response);
    withCookie.headers.append("Set-Cookie", setCookieLine(outcome.deviceCookie));
    return withCookie;
  };
}
