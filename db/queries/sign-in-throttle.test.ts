import { verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { withSignInLimits } from "@/lib/auth/credentials-route";
import { authorizeStaff } from "@/lib/auth/sign-in";
import { signInScopes, tooManyAttemptsMessage, type SignInScopes } from "@/lib/auth/sign-in-throttle";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { signInAttempts } from "../schema";
import { admitSignInAttempt } from "./sign-in-throttle";
import { provisionStaffAccountFromCommandLine } from "./staff";

// The real argon2, watched: an unknown email must cost a verify just as a wrong password does.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const argon2 = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...argon2, verify: vi.fn(argon2.verify) };
});

const EMAIL = "rosa@newsroom.example";
const PASSWORD = "a long and unusual passphrase";

// Every test signs in from addresses of its own, so no test sees another's counts.
let addressesHandedOut = 0;
const freshAddress = () => `198.51.100.${++addressesHandedOut}`;
const from = (address: string) => new Headers({ "x-forwarded-for": address });
const later = (moment: Date, seconds: number) => new Date(moment.getTime() + seconds * 1000);

async function failuresCounted(key: string): Promise<number | undefined> {
  const [row] = await getDb().select({ failures: signInAttempts.failures }).from(signInAttempts).where(eq(signInAttempts.scope, key));
  return row?.failures;
}

/** Failed attempts as a form would make them: each admitted, none succeeding. */
async function fail(scopes: SignInScopes, times: number, now = new Date()) {
  for (let attempt = 1; attempt <= times; attempt += 1) {
    expect(await admitSignInAttempt(scopes, now), `attempt ${attempt}`).toEqual({ admitted: true });
  }
}

describe(`sign-in limits on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await provisionStaffAccountFromCommandLine({ name: "Rosa", email: EMAIL, role: "writer", password: PASSWORD });
  });
  beforeEach(() => {
    vi.mocked(verify).mockClear();
  });
  afterAll(() => closeDatabase());

  it("refuses a sixth attempt after five wrong passwords, even with the right password, without checking it", async () => {
    const address = freshAddress();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await expect(authorizeStaff({ email: EMAIL, password: `guess number ${attempt}` }, from(address))).resolves.toEqual({ status: "refused" });
    }
    vi.mocked(verify).mockClear();
    const refusal = await authorizeStaff({ email: EMAIL, password: PASSWORD }, from(address));
    if (refusal.status !== "throttled") throw new Error(`expected a wait, got ${refusal.status}`);
    expect(refusal.retryAfterSeconds).toBeGreaterThan(50);
    expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(tooManyAttemptsMessage(refusal.retryAfterSeconds)).toBe("Too many attempts — try again in 1 minute.");
    expect(verify).not.toHaveBeenCalled();
  });

  it("does not hold an account's failures at one address against it at another", async () => {
    await fail(signInScopes({ email: EMAIL, clientAddress: freshAddress() }), 5);
    await expect(authorizeStaff({ email: EMAIL, password: PASSWORD }, from(freshAddress()))).resolves.toMatchObject({ status: "signed-in" });
  });

  it("answers an unknown email as it answers a wrong password, after a real argon2 verify, and counts both", async () => {
    const address = freshAddress();
    const unknown = await authorizeStaff({ email: "nobody@newsroom.example", password: PASSWORD }, from(address));
    expect(verify).toHaveBeenCalledTimes(1);
    expect(vi.mocked(verify).mock.calls[0]![0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const wrongPassword = await authorizeStaff({ email: EMAIL, password: "not the passphrase" }, from(address));
    expect(verify).toHaveBeenCalledTimes(2);
    expect(unknown).toEqual({ status: "refused" });
    expect(wrongPassword).toEqual(unknown);
    expect(await failuresCounted(signInScopes({ email: "nobody@newsroom.example", clientAddress: address }).accountAtAddress.key)).toBe(1);
    expect(await failuresCounted(signInScopes({ email: EMAIL, clientAddress: address }).accountAtAddress.key)).toBe(1);
    expect(await failuresCounted(`ip:${address}`)).toBe(2);
  });

  it("clears the account's count at that address on success and gives the address its attempt back", async () => {
    const address = freshAddress();
    await fail(signInScopes({ email: EMAIL, clientAddress: address }), 4);
    await expect(authorizeStaff({ email: EMAIL, password: PASSWORD }, from(address))).resolves.toMatchObject({ status: "signed-in" });
    const scopes = signInScopes({ email: EMAIL, clientAddress: address });
    expect(await failuresCounted(scopes.accountAtAddress.key)).toBeUndefined();
    expect(await failuresCounted(scopes.address.key)).toBe(4);
    await fail(scopes, 5);
    expect(await admitSignInAttempt(scopes)).toMatchObject({ admitted: false });
  });

  it("doubles the wait after each further failure, from one minute up to an hour", async () => {
    const scopes = signInScopes({ email: EMAIL, clientAddress: freshAddress() });
    let now = new Date();
    await fail(scopes, 5, now);
    const waits: number[] = [];
    for (let round = 0; round < 8; round += 1) {
      const refusal = await admitSignInAttempt(scopes, now);
      if (refusal.admitted) throw new Error(`round ${round} was not made to wait`);
      waits.push(refusal.retryAfterSeconds);
      now = later(now, refusal.retryAfterSeconds);
      await fail(scopes, 1, now);
    }
    expect(waits).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  it("stops one address spraying guesses across many accounts after fifty failures an hour", async () => {
    const address = freshAddress();
    const now = new Date();
    for (let account = 1; account <= 50; account += 1) {
      await fail(signInScopes({ email: `reader${account}@example.com`, clientAddress: address }), 1, now);
    }
    const refusal = await admitSignInAttempt(signInScopes({ email: "reader51@example.com", clientAddress: address }), now);
    expect(refusal).toEqual({ admitted: false, retryAfterSeconds: 3600 });
    await fail(signInScopes({ email: "reader51@example.com", clientAddress: freshAddress() }), 1, now);
    await fail(signInScopes({ email: "reader51@example.com", clientAddress: address }), 1, later(now, 3600));
  });

  it("counts parallel failures from several servers together without losing one", async () => {
    const address = freshAddress();
    const spray = await Promise.all(
      Array.from({ length: 20 }, (_, n) => admitSignInAttempt(signInScopes({ email: `parallel${n}@example.com`, clientAddress: address }))),
    );
    expect(spray.every((admission) => admission.admitted)).toBe(true);
    expect(await failuresCounted(`ip:${address}`)).toBe(20);

    const burst = signInScopes({ email: EMAIL, clientAddress: freshAddress() });
    const guesses = await Promise.all(Array.from({ length: 20 }, () => admitSignInAttempt(burst)));
    expect(guesses.filter((admission) => admission.admitted)).toHaveLength(5);
    expect(await failuresCounted(burst.accountAtAddress.key)).toBe(5);
  });

  it("forgets counts no rule looks at any more", async () => {
    const now = new Date();
    const count = (scope: string, hoursAgo: number) => {
      const failedAt = later(now, -hoursAgo * 60 * 60);
      return { scope, failures: 3, firstFailureAt: failedAt, lastFailureAt: failedAt, lockedUntil: null };
    };
    await getDb().insert(signInAttempts).values([count("ip:192.0.2.1", 26), count("ip:192.0.2.2", 24)]);
    await fail(signInScopes({ email: EMAIL, clientAddress: freshAddress() }), 1, now);
    expect(await failuresCounted("ip:192.0.2.1")).toBeUndefined();
    expect(await failuresCounted("ip:192.0.2.2")).toBe(3);
  });

  it("answers the credentials route with 429 and Retry-After while an attempt must wait", async () => {
    const address = freshAddress();
    await fail(signInScopes({ email: EMAIL, clientAddress: address }), 5);
    // Stands in for Auth.js, which calls the credentials check and answers every refusal with a redirect.
    const route = withSignInLimits(async (request) => {
      await authorizeStaff({ email: EMAIL, password: PASSWORD }, request.headers);
      return Response.redirect("http://localhost/login?error=CredentialsSignin", 302);
    });
    const response = await route(new NextRequest("http://localhost/api/auth/callback/credentials", { method: "POST", headers: from(address) }));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(50);
    expect(await response.json()).toEqual({ error: "Too many attempts — try again in 1 minute." });
  });
});
