import { describe, expect, it } from "vitest";
import {
  ACCOUNT_AT_ADDRESS_RULE,
  ACCOUNT_RULE,
  ADDRESS_RULE,
  DEVICE_RULE,
  deviceScopes,
  FORGET_AFTER_SECONDS,
  judgeAttempt,
  secondsUntil,
  signInScopes,
  tooManyAttemptsMessage,
  waitAfter,
  withoutSucceededAttempt,
  type ThrottleCounter,
  type ThrottleRule,
} from "./sign-in-throttle";

const START = new Date("2026-03-02T09:00:00Z");
const later = (seconds: number) => new Date(START.getTime() + seconds * 1000);

/** The counter after this many failed attempts, all made at START. */
function afterFailures(failures: number, rule: ThrottleRule): ThrottleCounter | undefined {
  let counter: ThrottleCounter | undefined;
  for (let attempt = 0; attempt < failures; attempt += 1) {
    const verdict = judgeAttempt(counter, rule, START);
    if (!verdict.admitted) throw new Error(`attempt ${attempt + 1} was refused`);
    counter = verdict.counter;
  }
  return counter;
}

describe("sign-in waits", () => {
  it("lets an account at one address fail five times, then doubles the wait from a minute to an hour", () => {
    const waits = Array.from({ length: 12 }, (_, n) => waitAfter(n + 1, ACCOUNT_AT_ADDRESS_RULE) / 60);
    expect(waits).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it("gives one address fifty failures, then an hour's wait", () => {
    expect(waitAfter(49, ADDRESS_RULE)).toBe(0);
    expect(waitAfter(50, ADDRESS_RULE)).toBe(3600);
    expect(waitAfter(500, ADDRESS_RULE)).toBe(3600);
  });

  it("lets one account fail ten times from browsers it has never signed in from, whatever their addresses, then doubles the wait up to an hour", () => {
    const waits = Array.from({ length: 17 }, (_, n) => waitAfter(n + 1, ACCOUNT_RULE) / 60);
    expect(waits).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it("admits fewer guesses at one account in any hour than one address may fail, so guessing at one account never locks out the rest of an office", () => {
    let counter: ThrottleCounter | undefined;
    let now = START;
    const admitted: Date[] = [];
    // A guesser who tries again the moment each wait ends, for two days.
    while (now < later(2 * 24 * 60 * 60)) {
      const verdict = judgeAttempt(counter, ACCOUNT_RULE, now);
      if (verdict.admitted) {
        admitted.push(now);
        counter = verdict.counter;
      } else now = verdict.lockedUntil;
    }
    const busiestHour = Math.max(
      ...admitted.map(
        (from) => admitted.filter((at) => at >= from && at.getTime() < from.getTime() + 3_600_000).length,
      ),
    );
    expect(busiestHour).toBe(15);
    expect(busiestHour).toBeLessThan(ADDRESS_RULE.freeFailures);
    expect(admitted.filter((at) => at < later(24 * 60 * 60))).toHaveLength(38);
  });

  it("gives a browser with a device cookie the same five free tries as one address, and forgets them when it signs in", () => {
    expect(DEVICE_RULE).toMatchObject({
      freeFailures: 5,
      firstWaitSeconds: 60,
      maxWaitSeconds: 3600,
      afterSuccess: "forget",
    });
    expect([ACCOUNT_RULE.afterSuccess, ADDRESS_RULE.afterSuccess, ACCOUNT_AT_ADDRESS_RULE.afterSuccess]).toEqual([
      "take back",
      "take back",
      "forget",
    ]);
  });

  it("refuses a sixth attempt until the minute after the fifth failure has passed", () => {
    const counter = afterFailures(5, ACCOUNT_AT_ADDRESS_RULE);
    expect(judgeAttempt(counter, ACCOUNT_AT_ADDRESS_RULE, later(59))).toEqual({
      admitted: false,
      lockedUntil: later(60),
    });
    expect(judgeAttempt(counter, ACCOUNT_AT_ADDRESS_RULE, later(60))).toMatchObject({
      admitted: true,
      counter: { failures: 6, lockedUntil: later(60 + 120) },
    });
  });

  it("starts counting again once the window has passed and no wait is running", () => {
    const counter = afterFailures(4, ACCOUNT_AT_ADDRESS_RULE);
    const dayLater = later(ACCOUNT_AT_ADDRESS_RULE.windowSeconds);
    expect(judgeAttempt(counter, ACCOUNT_AT_ADDRESS_RULE, dayLater)).toEqual({
      admitted: true,
      counter: { failures: 1, firstFailureAt: dayLater, lastFailureAt: dayLater, lockedUntil: null },
    });
  });

  it("keeps a wait that outlasts the window", () => {
    const day = ACCOUNT_AT_ADDRESS_RULE.windowSeconds;
    const counter = {
      failures: 11,
      firstFailureAt: START,
      lastFailureAt: later(day - 600),
      lockedUntil: later(day + 3000),
    };
    expect(judgeAttempt(counter, ACCOUNT_AT_ADDRESS_RULE, later(day))).toEqual({
      admitted: false,
      lockedUntil: later(day + 3000),
    });
  });

  it("takes back a successful attempt, and the wait it started", () => {
    const counter = afterFailures(50, ADDRESS_RULE)!;
    expect(counter.lockedUntil).toEqual(later(3600));
    expect(withoutSucceededAttempt(counter, ADDRESS_RULE)).toMatchObject({ failures: 49, lockedUntil: null });
  });

  it("forgets a row only when no rule could still be counting it", () => {
    expect(FORGET_AFTER_SECONDS).toBe(25 * 60 * 60);
  });
});

describe("sign-in scopes", () => {
  it("counts an account at an address by its email in any case, without storing the email", () => {
    const scopes = signInScopes({ email: " Rosa@Newsroom.example ", clientAddress: "203.0.113.9" });
    expect(scopes.accountAtAddress.key).toBe(
      signInScopes({ email: "rosa@newsroom.example", clientAddress: "203.0.113.9" }).accountAtAddress.key,
    );
    expect(scopes.accountAtAddress.key).toMatch(/^account:[\w-]{43}\|ip:203\.0\.113\.9$/);
    expect(scopes.address.key).toBe("ip:203.0.113.9");
  });

  it("counts an account everywhere at once under one key, whatever address each attempt claims", () => {
    const here = signInScopes({ email: "rosa@newsroom.example", clientAddress: "203.0.113.9" });
    const there = signInScopes({ email: "ROSA@newsroom.example", clientAddress: "198.51.100.7" });
    expect(here.account).toEqual(there.account);
    expect(here.account.key).toMatch(/^account:[\w-]{43}$/);
    expect(here.account.rule).toBe(ACCOUNT_RULE);
  });

  it("counts a browser with a device cookie under that device alone", () => {
    expect(deviceScopes("n0nce-of-twenty-two-ch")).toEqual({
      device: { key: "device:n0nce-of-twenty-two-ch", rule: DEVICE_RULE },
    });
  });
});

describe("the wait, as people and clients are told it", () => {
  it("rounds up to whole seconds, never less than one", () => {
    expect(secondsUntil(new Date(START.getTime() + 1_500), START)).toBe(2);
    expect(secondsUntil(START, START)).toBe(1);
  });

  it("says how many minutes are left", () => {
    expect(tooManyAttemptsMessage(1)).toBe("Too many attempts — try again in 1 minute.");
    expect(tooManyAttemptsMessage(60)).toBe("Too many attempts — try again in 1 minute.");
    expect(tooManyAttemptsMessage(61)).toBe("Too many attempts — try again in 2 minutes.");
    expect(tooManyAttemptsMessage(3600)).toBe("Too many attempts — try again in 60 minutes.");
  });
});
