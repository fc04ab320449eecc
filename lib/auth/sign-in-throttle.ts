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
  /**
   * What a sign-in that succeeds does to the count: forgets it, or takes back only its own attempt.
   * Counts that a guesser shares with the people they guess at are only taken back, so the real
   * owner signing in does not hand the guesser a fresh set of free tries.
   */
  afterSuccess: "forget" | "take back";
};

/** One person guessing at one account from one address: five free tries, then 1, 2, 4 … 60 minutes. */
export const ACCOUNT_AT_ADDRESS_RULE: ThrottleRule = {
  freeFailures: 5,
  firstWaitSeconds: 60,
  maxWaitSeconds: 60 * 60,
  windowSeconds: 24 * 60 * 60,
  afterSuccess: "forget",
};

/** One address trying many accounts: fifty failures an hour, then an hour's wait. */
export const ADDRESS_RULE: ThrottleRule = {
  freeFailures: 50,
  firstWaitSeconds: 60 * 60,
  maxWaitSeconds: 60 * 60,
  windowSeconds: 60 * 60,
  afterSuccess: "take back",
};

/**
 * One account, from every browser it has not signed in from before, whatever address each claims:
 * without a proxy a client writes its own X-Forwarded-For, so the counts above can be dodged by
 * claiming a new address per guess, and this one cannot.
 * - Ten free tries: twice the five at one address, so someone who fumbles five times at the office
 *   and again at home waits no sooner, and no longer, than the per-address count alone would make them.
 * - Then waits doubling from a minute to an hour, over a day: a guesser with endless addresses gets
 *   about fifteen guesses in the first hour and one an hour after, some forty a day.
 * - That is fewer than ADDRESS_RULE's fifty an hour, and refused attempts are not counted, so
 *   guesses at one account sent in an office's name can never use up the budget the rest of that
 *   office signs in under.
 * The owner is not locked out with everyone else: the browsers they have signed in from carry a
 * device cookie and are counted under DEVICE_RULE instead.
 */
export const ACCOUNT_RULE: ThrottleRule = {
  freeFailures: 10,
  firstWaitSeconds: 60,
  maxWaitSeconds: 60 * 60,
  windowSeconds: 24 * 60 * 60,
  afterSuccess: "take back",
};

/**
 * A browser holding a device cookie for the account (lib/auth/device-cookie.ts), counted on its own:
 * the same five free tries and doubling waits as one address, so a stolen cookie buys a guesser no
 * more than an address would.
 */
export const DEVICE_RULE: ThrottleRule = {
  freeFailures: 5,
  firstWaitSeconds: 60,
  maxWaitSeconds: 60 * 60,
  windowSeconds: 24 * 60 * 60,
  afterSuccess: "forget",
};

/** No rule still counts a failure this long after it happened, so its row can go. */
export const FORGET_AFTER_SECONDS = Math.max(
  ...[ACCOUNT_AT_ADDRESS_RULE, ADDRESS_RULE, ACCOUNT_RULE, DEVICE_RULE].map(
    (rule) => rule.windowSeconds + rule.maxWaitSeconds,
  ),
);

export type ThrottleScope = { key: string; rule: ThrottleRule };
/** An attempt from a browser the account has not signed in from before. */
export type UntrustedScopes = { account: ThrottleScope; accountAtAddress: ThrottleScope; address: ThrottleScope };
/** An attempt carrying a valid device cookie for the account: counted against that device alone. */
export type DeviceScopes = { device: ThrottleScope };
export type SignInScopes = UntrustedScopes | DeviceScopes;

/**
 * The account an attempt is for, as counts and device cookies name it. Hashed because people type
 * their password into the email field often enough; an unknown email gets a count like a known one,
 * so the counts say nothing about who has an account.
 */
export function accountKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");
}

export function signInScopes({ email, clientAddress }: { email: string; clientAddress: string }): UntrustedScopes {
  const account = accountKey(email);
  return {
    account: { key: `account:${account}`, rule: ACCOUNT_RULE },
    accountAtAddress: { key: `account:${account}|ip:${clientAddress}`, rule: ACCOUNT_AT_ADDRESS_RULE },
    address: { key: `ip:${clientAddress}`, rule: ADDRESS_RULE },
  };
}

/** `device` is the nonce of a device cookie already checked against the account. */
export function deviceScopes(device: string): DeviceScopes {
  return { device: { key: `device:${device}`, rule: DEVICE_RULE } };
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
    counter: {
      failures,
      firstFailureAt: counter?.firstFailureAt ?? now,
      lastFailureAt: now,
      lockedUntil: wait ? addSeconds(now, wait) : null,
    },
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
