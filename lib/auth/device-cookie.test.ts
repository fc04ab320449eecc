import { afterEach, describe, expect, it, vi } from "vitest";
import { accountKey } from "./sign-in-throttle";

const SECRET = "a test secret of at least thirty-two characters";
const ROSA = accountKey("rosa@newsroom.example");
const WIM = accountKey("wim@newsroom.example");

/** The module as a server published at `publicAddress`, signing with `secret`, would load it. */
async function deviceCookies({ publicAddress = "http://localhost:3000", secret = SECRET } = {}) {
  vi.resetModules();
  vi.stubEnv("SITE_URL", publicAddress);
  vi.stubEnv("AUTH_URL", "");
  vi.stubEnv("AUTH_SECRET", secret);
  return import("./device-cookie");
}

afterEach(() => vi.unstubAllEnvs());

describe("the sign-in device cookie", () => {
  it("recognises the browser it was given to, for the account it signed in to, however the email is typed", async () => {
    const { deviceCookieFor, trustedDevice } = await deviceCookies();
    const cookie = deviceCookieFor(ROSA);
    const device = trustedDevice(cookie.value, accountKey(" Rosa@Newsroom.Example "));
    expect(device).toMatch(/^[\w-]{22}$/);
    expect(cookie.value.startsWith(`${device}.`)).toBe(true);
  });

  it("names a different device every time it is given", async () => {
    const { deviceCookieFor, trustedDevice } = await deviceCookies();
    expect(trustedDevice(deviceCookieFor(ROSA).value, ROSA)).not.toBe(trustedDevice(deviceCookieFor(ROSA).value, ROSA));
  });

  it("is no device cookie for another account, nor when altered, forged or malformed", async () => {
    const { deviceCookieFor, trustedDevice } = await deviceCookies();
    const { value } = deviceCookieFor(ROSA);
    const [nonce = "", mac = ""] = value.split(".");
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
    expect(trustedDevice(value, WIM)).toBeUndefined();
    expect(trustedDevice(`${flip(nonce, 5)}.${mac}`, ROSA)).toBeUndefined();
    expect(trustedDevice(`${nonce}.${flip(mac, 42)}`, ROSA)).toBeUndefined();
    expect(trustedDevice(`${nonce}.${mac}.${mac}`, ROSA)).toBeUndefined();
    expect(trustedDevice(`${nonce}.${mac}=`, ROSA)).toBeUndefined();
    expect(trustedDevice(`${nonce}.`, ROSA)).toBeUndefined();
    expect(trustedDevice("", ROSA)).toBeUndefined();
    expect(trustedDevice(undefined, ROSA)).toBeUndefined();

    const forged = (
      await deviceCookies({ secret: "another secret, also at least thirty-two characters" })
    ).deviceCookieFor(ROSA).value;
    expect((await deviceCookies()).trustedDevice(forged, ROSA)).toBeUndefined();
  });

  it("is found among the other cookies a request carries", async () => {
    const { deviceCookieIn } = await deviceCookies();
    expect(deviceCookieIn(new Headers({ cookie: "authjs.csrf-token=abc; newsroom.device=n.m; theme=dark" }))).toBe(
      "n.m",
    );
    expect(deviceCookieIn(new Headers({ cookie: "xnewsroom.device=n.m" }))).toBeUndefined();
    expect(deviceCookieIn(new Headers())).toBeUndefined();
  });

  it("lasts a year, HttpOnly and SameSite=Lax, and is Secure with a __Host- name when the site is https", async () => {
    const { deviceCookieFor: overHttp } = await deviceCookies();
    expect(overHttp(ROSA)).toMatchObject({
      name: "newsroom.device",
      options: { httpOnly: true, sameSite: "lax", secure: false, path: "/", maxAge: 365 * 24 * 60 * 60 },
    });
    const { deviceCookieFor: overHttps, deviceCookieIn } = await deviceCookies({
      publicAddress: "https://news.example",
    });
    expect(overHttps(ROSA)).toMatchObject({
      name: "__Host-newsroom.device",
      options: { httpOnly: true, sameSite: "lax", secure: true, path: "/" },
    });
    // A cookie without the prefix could have been planted over plain http or by a sibling subdomain.
    expect(deviceCookieIn(new Headers({ cookie: "newsroom.device=n.m" }))).toBeUndefined();
  });

  it("refuses to sign without AUTH_SECRET rather than with a guessable key", async () => {
    const { deviceCookieFor } = await deviceCookies({ secret: "" });
    expect(() => deviceCookieFor(ROSA)).toThrow(/AUTH_SECRET/);
  });
});
