import { verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signInGivingDeviceCookie, withSignInLimits } from "@/lib/auth/credentials-route";
import { DEVICE_COOKIE_NAME, type DeviceCookie } from "@/lib/auth/device-cookie";
import { authorizeStaff, type StaffSignIn } from "@/lib/auth/sign-in";
import { signInScopes, tooManyAttemptsMessage, type SignInScopes } from "@/lib/auth/sign-in-throttle";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { signInAttempts } from "../schema";
import { admitSignInAttempt } from "./sign-in-throttle";
import { provisionStaffAccountFromCommandLine } from "./staff";

// Device cookies are signed with a key derived from it; set before lib/env reads the environment.
vi.hoisted(() => vi.stubEnv("AUTH_SECRET", "a test secret of at least thirty-two characters"));

// The real argon2, watched: an unknown email must cost a verify just as a wrong password does.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const argon2 = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...argon2, verify: vi.fn(argon2.verify) };
});

const PASSWORD = "a long and unusual passphrase";

// Every test signs in from addresses of its own, and to accounts of its own, so no test sees another's counts.
let addressesHandedOut = 0;
const freshAddress = () => `198.51.100.${++addressesHandedOut}`;
let accountsMade = 0;
async function freshAccount(): Promise<string> {
  const email = `staff${++accountsMade}@newsroom.example`;
  await provisionStaffAccountFromCommandLine({
    name: `Staff Member ${accountsMade}`,
    email,
    role: "writer",
    password: PASSWORD,
  });
  return email;
}

/** A request's headers: the address it claims, and the device cookie its browser holds, if any. */
function from(address: string, deviceCookie?: string): Headers {
  const headers = new Headers({ "x-forwarded-for": address });
  if (deviceCookie !== undefined) headers.set("cookie", `authjs.csrf-token=abc; ${DEVICE_COOKIE_NAME}=${deviceCookie}`);
  return headers;
}

/** Signs in as the form does, keeping the device cookie a success hands the browser. */
async function signIn(
  email: string,
  password: string,
  headers: Headers,
): Promise<{ outcome: StaffSignIn; deviceCookie?: DeviceCookie }> {
  let deviceCookie: DeviceCookie | undefined;
  const outcome = await signInGivingDeviceCookie(
    () => authorizeStaff({ email, password }, headers),
    async (cookie) => {
      deviceCookie = cookie;
    },
  );
  return { outcome, deviceCookie };
}

/** The device cookie of a browser that has signed in to `email` once, from an address of its own. */
async function browserSignedInBefore(email: string): Promise<string> {
  const { outcome, deviceCookie } = await signIn(email, PASSWORD, from(freshAddress()));
  expect(outcome.status).toBe("signed-in");
  return deviceCookie!.value;
}

const later = (moment: Date, seconds: number) => new Date(moment.getTime() + seconds * 1000);

async function failuresCounted(key: string): Promise<number | undefined> {
  const [row] = await getDb()
    .select({ failures: signInAttempts.failures })
    .from(signInAttempts)
    .where(eq(signInAttempts.scope, key));
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
  });
  beforeEach(() => {
    vi.mocked(verify).mockClear();
  });
  afterAll(() => closeDatabase());

  it("refuses a sixth attempt after five wrong passwords, even with the right password, without checking it", async () => {
    const email = await freshAccount();
    const address = freshAddress();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await expect(authorizeStaff({ email, password: `guess number ${attempt}` }, from(address))).resolves.toEqual({
        status: "refused",
      });
    }
    vi.mocked(verify).mockClear();
    const refusal = await authorizeStaff({ email, password: PASSWORD }, from(address));
    if (refusal.status !== "throttled") throw new Error(`expected a wait, got ${refusal.status}`);
    expect(refusal.retryAfterSeconds).toBeGreaterThan(50);
    expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(tooManyAttemptsMessage(refusal.retryAfterSeconds)).toBe("Too many attempts — try again in 1 minute.");
    expect(verify).not.toHaveBeenCalled();
  });

  it("does not hold an account's failures at one address against it at another", async () => {
    const email = await freshAccount();
    await fail(signInScopes({ email, clientAddress: freshAddress() }), 5);
    await expect(authorizeStaff({ email, password: PASSWORD }, from(freshAddress()))).resolves.toMatchObject({
      status: "signed-in",
    });
  });

  it("answers an unknown email as it answers a wrong password, after a real argon2 verify, and counts both", async () => {
    const email = await freshAccount();
    const address = freshAddress();
    const unknown = await authorizeStaff({ email: "nobody@newsroom.example", password: PASSWORD }, from(address));
    expect(verify).toHaveBeenCalledTimes(1);
    expect(vi.mocked(verify).mock.calls[0]![0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const wrongPassword = await authorizeStaff({ email, password: "not the passphrase" }, from(address));
    expect(verify).toHaveBeenCalledTimes(2);
    expect(unknown).toEqual({ status: "refused" });
    expect(wrongPassword).toEqual(unknown);
    for (const counted of [email, "nobody@newsroom.example"]) {
      const scopes = signInScopes({ email: counted, clientAddress: address });
      expect(await failuresCounted(scopes.accountAtAddress.key), counted).toBe(1);
      expect(await failuresCounted(scopes.account.key), counted).toBe(1);
    }
    expect(await failuresCounted(`ip:${address}`)).toBe(2);
  });

  it("clears the account's count at that address on success and gives the account and the address their attempt back", async () => {
    const email = await freshAccount();
    const address = freshAddress();
    const scopes = signInScopes({ email, clientAddress: address });
    await fail(scopes, 4);
    await expect(authorizeStaff({ email, password: PASSWORD }, from(address))).resolves.toMatchObject({
      status: "signed-in",
    });
    expect(await failuresCounted(scopes.accountAtAddress.key)).toBeUndefined();
    expect(await failuresCounted(scopes.account.key)).toBe(4);
    expect(await failuresCounted(scopes.address.key)).toBe(4);
    await fail(scopes, 5);
    expect(await admitSignInAttempt(scopes)).toMatchObject({ admitted: false });
  });

  it("doubles the wait after each further failure, from one minute up to an hour", async () => {
    const scopes = signInScopes({ email: await freshAccount(), clientAddress: freshAddress() });
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
    const refusal = await admitSignInAttempt(
      signInScopes({ email: "reader51@example.com", clientAddress: address }),
      now,
    );
    expect(refusal).toEqual({ admitted: false, retryAfterSeconds: 3600 });
    await fail(signInScopes({ email: "reader51@example.com", clientAddress: freshAddress() }), 1, now);
    await fail(signInScopes({ email: "reader51@example.com", clientAddress: address }), 1, later(now, 3600));
  });

  it("counts parallel failures from several servers together without losing one", async () => {
    const address = freshAddress();
    const spray = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        admitSignInAttempt(signInScopes({ email: `parallel${n}@example.com`, clientAddress: address })),
      ),
    );
    expect(spray.every((admission) => admission.admitted)).toBe(true);
    expect(await failuresCounted(`ip:${address}`)).toBe(20);

    const burst = signInScopes({ email: await freshAccount(), clientAddress: freshAddress() });
    const guesses = await Promise.all(Array.from({ length: 20 }, () => admitSignInAttempt(burst)));
    expect(guesses.filter((admission) => admission.admitted)).toHaveLength(5);
    expect(await failuresCounted(burst.accountAtAddress.key)).toBe(5);

    const rotating = await freshAccount();
    const fromEverywhere = await Promise.all(
      Array.from({ length: 30 }, () =>
        admitSignInAttempt(signInScopes({ email: rotating, clientAddress: freshAddress() })),
      ),
    );
    expect(fromEverywhere.filter((admission) => admission.admitted)).toHaveLength(10);
  });

  it("forgets counts no rule looks at any more", async () => {
    const now = new Date();
    const count = (scope: string, hoursAgo: number) => {
      const failedAt = later(now, -hoursAgo * 60 * 60);
      return { scope, failures: 3, firstFailureAt: failedAt, lastFailureAt: failedAt, lockedUntil: null };
    };
    await getDb()
      .insert(signInAttempts)
      .values([count("ip:192.0.2.1", 26), count("ip:192.0.2.2", 24)]);
    await fail(signInScopes({ email: "rosa@newsroom.example", clientAddress: freshAddress() }), 1, now);
    expect(await failuresCounted("ip:192.0.2.1")).toBeUndefined();
    expect(await failuresCounted("ip:192.0.2.2")).toBe(3);
  });

  it("answers the credentials route with 429 and Retry-After while an attempt must wait", async () => {
    const email = await freshAccount();
    const address = freshAddress();
    await fail(signInScopes({ email, clientAddress: address }), 5);
    // Stands in for Auth.js, which calls the credentials check and answers every refusal with a redirect.
    const route = withSignInLimits(async (request) => {
      await authorizeStaff({ email, password: PASSWORD }, request.headers);
      return Response.redirect("http://localhost/login?error=CredentialsSignin", 302);
    });
    const response = await route(
      new NextRequest("http://localhost/api/auth/callback/credentials", { method: "POST", headers: from(address) }),
    );
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(50);
    expect(await response.json()).toEqual({ error: "Too many attempts — try again in 1 minute." });
  });

  it("stops a guesser who claims a new address for every guess once the account has had ten", async () => {
    const email = await freshAccount();
    for (let guess = 1; guess <= 10; guess += 1) {
      await expect(authorizeStaff({ email, password: `guess ${guess}` }, from(freshAddress()))).resolves.toEqual({
        status: "refused",
      });
    }
    vi.mocked(verify).mockClear();
    const refusal = await authorizeStaff({ email, password: PASSWORD }, from(freshAddress()));
    expect(refusal).toMatchObject({ status: "throttled", retryAfterSeconds: expect.any(Number) });
    expect(verify).not.toHaveBeenCalled();
  });

  it("lets a colleague at the same office address sign in while someone there keeps guessing at one account", async () => {
    const guessedAt = await freshAccount();
    const colleague = await freshAccount();
    const office = freshAddress();
    // More guesses than the office's fifty an hour, half sent in the office's name, half from anywhere.
    for (let guess = 1; guess <= 120; guess += 1) {
      await authorizeStaff({ email: guessedAt, password: `guess ${guess}` }, from(guess % 2 ? office : freshAddress()));
    }
    expect(await authorizeStaff({ email: guessedAt, password: PASSWORD }, from(office))).toMatchObject({
      status: "throttled",
    });
    expect((await signIn(colleague, PASSWORD, from(office))).outcome).toMatchObject({ status: "signed-in" });
  });

  it("lets the owner's browser sign in with its device cookie while the account and the office address are locked for everyone else", async () => {
    const email = await freshAccount();
    const office = freshAddress();
    const ownersBrowser = await browserSignedInBefore(email);
    for (let guess = 1; guess <= 20; guess += 1)
      await authorizeStaff({ email, password: `guess ${guess}` }, from(freshAddress()));
    const now = new Date();
    for (let account = 1; account <= 50; account += 1) {
      await fail(signInScopes({ email: `sprayed${account}@example.com`, clientAddress: office }), 1, now);
    }
    expect(await authorizeStaff({ email, password: PASSWORD }, from(freshAddress()))).toMatchObject({
      status: "throttled",
    });
    expect(await authorizeStaff({ email: await freshAccount(), password: PASSWORD }, from(office))).toMatchObject({
      status: "throttled",
    });

    const { outcome, deviceCookie } = await signIn(email, PASSWORD, from(office, ownersBrowser));
    expect(outcome).toMatchObject({ status: "signed-in", staff: { email } });
    expect(deviceCookie?.name).toBe(DEVICE_COOKIE_NAME);
  });

  it("treats a forged, altered or other account's device cookie as no cookie at all", async () => {
    const email = await freshAccount();
    const someoneElsesBrowser = await browserSignedInBefore(await freshAccount());
    const ownersBrowser = await browserSignedInBefore(email);
    for (let guess = 1; guess <= 10; guess += 1)
      await authorizeStaff({ email, password: `guess ${guess}` }, from(freshAddress()));
    const [nonce = "", mac = ""] = ownersBrowser.split(".");
    const flip = (text: string) => (text.startsWith("A") ? "B" : "A") + text.slice(1);
    for (const cookie of [
      someoneElsesBrowser,
      `${flip(nonce)}.${mac}`,
      `${nonce}.${flip(mac)}`,
      `${"A".repeat(22)}.${"A".repeat(43)}`,
      "nonsense",
      "",
    ]) {
      expect(await authorizeStaff({ email, password: PASSWORD }, from(freshAddress(), cookie)), cookie).toMatchObject({
        status: "throttled",
      });
    }
    expect(await authorizeStaff({ email, password: PASSWORD }, from(freshAddress(), ownersBrowser))).toMatchObject({
      status: "signed-in",
    });
  });

  it("locks a device cookie that fails five times, without spending the account's or the address's count", async () => {
    const email = await freshAccount();
    const address = freshAddress();
    const browser = await browserSignedInBefore(email);
    for (let guess = 1; guess <= 5; guess += 1) {
      await expect(authorizeStaff({ email, password: `guess ${guess}` }, from(address, browser))).resolves.toEqual({
        status: "refused",
      });
    }
    expect(await authorizeStaff({ email, password: PASSWORD }, from(address, browser))).toMatchObject({
      status: "throttled",
    });
    const scopes = signInScopes({ email, clientAddress: address });
    expect((await failuresCounted(scopes.account.key)) ?? 0).toBe(0);
    expect((await failuresCounted(scopes.address.key)) ?? 0).toBe(0);
    expect(await authorizeStaff({ email, password: PASSWORD }, from(address))).toMatchObject({ status: "signed-in" });
  });

  it("gives the browser a device cookie through the credentials route when it signs in", async () => {
    const email = await freshAccount();
    const route = withSignInLimits(async (request) => {
      await authorizeStaff({ email, password: PASSWORD }, request.headers);
      return Response.redirect("http://localhost/admin", 302);
    });
    const response = await route(
      new NextRequest("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        headers: from(freshAddress()),
      }),
    );
    expect(response.status).toBe(302);
    const [cookie] = response.headers.getSetCookie();
    const value = cookie?.match(new RegExp(`^${DEVICE_COOKIE_NAME}=([^;]+);`))?.[1];
    expect(value).toBeDefined();
    for (let guess = 1; guess <= 10; guess += 1)
      await authorizeStaff({ email, password: `guess ${guess}` }, from(freshAddress()));
    expect(await authorizeStaff({ email, password: PASSWORD }, from(freshAddress(), value))).toMatchObject({
      status: "signed-in",
    });
  });
});
