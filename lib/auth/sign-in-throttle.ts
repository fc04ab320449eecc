import { createHash } from "node:crypto";

/**
 * How often a sign-in may fail before it has to wait, after Ghost's rule: a few free tries, then
 * waits that double up to a cap. Pure: db/queries/sign-in-throttle.ts stores the counts and asks
 * these functions what they mean.
 */
export type ThrottleRule = {
  freeFailures: number;
  firstWaitSeconds: number;
  maxWaitSeconds: number;
  /** A count this old (from its first failure) starts again once no wait is running. */
  windowSeconds: number;
};

/** One person guessing at one account from one address: five free tries, then 1, 2, 4 … 60 minutes. */
export const ACCOUNT_AT_ADDRESS_RULE: ThrottleRule = {
  freeFailures: 5,
  firstWaitSeconds: 60,
  maxWaitSeconds: 60 * 60,
  windowSeconds: 24 * 60 * 60,
};

/** One address trying many accounts: fifty failures an hour, then an hour's wait. */
export const ADDRESS_RULE: ThrottleRule = {
  freeFailures: 50,
  firstWaitSeconds: 60 * 60,
  maxWaitSeconds: 60 * 60,
  windowSeconds: 60 * 60,
};

/** No rule still counts a failure this long after it happened, so its row can go. */
export const FORGET_AFTER_SECONDS = Math.max(
  ...[ACCOUNT_AT_ADDRESS_RULE, ADDRESS_RULE].map((rule) => rule.windowSeconds + rule.maxWaitSeconds),
);

export type ThrottleScope = { key: string; rule: ThrottleRule };
export type SignInScopes = { accountAtAddress: ThrottleScope; address: ThrottleScope };

// Hashed because people type their password into the email field often enough; an unknown email
// gets a count like a known one, so the counts say nothing about who has an account.
function accountKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");
}

export function signInScopes({ email, clientAddress }: { email: string; clientAddress: string }): SignInScopes {
  return {
    accountAtAddress: { key: `account:${accountKey(email)}|ip:${clientAddress}`, rule: ACCOUNT_AT_ADDRESS_RULE },
    address: { key: `ip:${clientAddress}`, rule: ADDRESS_RULE },
  };
}

export type ThrottleCounter = { failures: number; firstFailureAt: Date; lastFailureAt: Date; lockedUntil: Date | null };

export type AttemptVerdict = { admitted: true; counter: ThrottleCounter } | { admitted: false; lockedUntil: Date };

const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

/** The wait after this many failures: none while free tries remain, then doubling up to the cap. */
export function waitAfter(failures: number, rule: ThrottleRule): number {
  const beyondFree = failures - rule.freeFailures;
  return beyondFree < 0 ? 0 : Math.min(rule.firstWaitSeconds * 2 ** beyondFree, rule.maxWaitSeconds);
}

function isForgotten(counter: ThrottleCounter, rule: ThrottleRule, now: Date): boolean {
  const waiting = counter.lockedUntil !== null && counter.lockedUntil > now;
  return addSeconds(counter.firstFailureAt, rule.windowSeconds) <= now && !waiting;
}

/**
 * Whether one more attempt may go ahead now, and the count if it does. The attempt is counted as a
 * failure before its password is checked (a success gives it back), so guesses sent in parallel
 * cannot all pass while the count is still low.
 */
export function judgeAttempt(stored: ThrottleCounter | undefined, rule: ThrottleRule, now: Date): AttemptVerdict {
  const counter = stored && !isForgotten(stored, rule, now) ? stored : undefined;
  if (counter?.lockedUntil && counter.lockedUntil > now) return { admitted: false, lockedUntil: counter.lockedUntil };
  const failures = (counter?.failures ?? 0) + 1;
  const wait = waitAfter(failures, rule);
  return {
    admitted: true,
    counter: { failures, firstFailureAt: counter?.firstFailureAt ?? now, lastFailureAt: now, lockedUntil: wait ? addSeconds(now, wait) : null },
  };
}

/** A sign-in that succeeded was no failure after all: the count takes it back, and any wait it started. */
export function withoutSucceededAttempt(counter: ThrottleCounter, rule: ThrottleRule): ThrottleCounter {
  const failures = Math.max(counter.failures - 1, 0);
  const wait = waitAfter(failures, rule);
  return { ...counter, failures, lockedUntil: wait ? addSeconds(counter.lastFailureAt, wait) : null };
}

/** Whole seconds, at least one: what Retry-After and the form's message are built from. */
export function secondsUntil(moment: Date, now: Date): number {
  return Math.max(1, Math.ceil((moment.getTime() - now.getTime()) / 1000));
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts — try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
