import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { NextRequest } from "next/server";
import { tooManyAttemptsMessage } from "./sign-in-throttle";

type RouteHandler = (request: NextRequest) => Promise<Response>;

// Auth.js turns every refusal from `authorize` into the same redirect to the form; this carries
// "made to wait, for so long" from inside it back out to the route.
const waitingSignIns = new AsyncLocalStorage<{ retryAfterSeconds?: number }>();

export function reportThrottledSignIn(retryAfterSeconds: number): void {
  const request = waitingSignIns.getStore();
  if (request) request.retryAfterSeconds = retryAfterSeconds;
}

/**
 * Wraps Auth.js's POST handler: a sign-in refused for too many failures is answered with HTTP 429
 * and Retry-After, which scripts and proxies understand, instead of a redirect.
 */
export function withSignInLimits(handler: RouteHandler): RouteHandler {
  return async (request) => {
    const outcome: { retryAfterSeconds?: number } = {};
    const response = await waitingSignIns.run(outcome, () => handler(request));
    if (outcome.retryAfterSeconds === undefined) return response;
    return Response.json(
      { error: tooManyAttemptsMessage(outcome.retryAfterSeconds) },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  };
}
