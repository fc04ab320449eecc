import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const forwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });

describe("the client address for sign-in limits", () => {
  it("takes the address next start saw when no proxy is trusted", () => {
    expect(clientAddress(forwardedFor("203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddress(forwardedFor("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
  });

  it("takes what a client wrote itself when no proxy is in front, which is why no account's budget rests on it", () => {
    expect(clientAddress(forwardedFor("192.0.2.1"), 0)).toBe("192.0.2.1");
    expect(clientAddress(forwardedFor("192.0.2.1, 192.0.2.2"), 0)).toBe("192.0.2.2");
  });

  it("never takes the leftmost entry, which a client behind an appending proxy chose itself", () => {
    expect(clientAddress(forwardedFor("1.1.1.1, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(forwardedFor("1.1.1.1, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("falls back to the first entry when fewer proxies than configured added one", () => {
    expect(clientAddress(forwardedFor("203.0.113.9"), 2)).toBe("203.0.113.9");
  });

  it("counts an IPv6 client by its /64, the block one subscriber is given", () => {
    expect(clientAddress(forwardedFor("2001:db8:abcd:12:1:2:3:4"), 0)).toBe("2001:db8:abcd:12::/64");
    expect(clientAddress(forwardedFor("2001:0db8:abcd:0012::9"), 0)).toBe("2001:db8:abcd:12::/64");
    expect(clientAddress(forwardedFor("2001:db8::1"), 0)).toBe("2001:db8:0:0::/64");
    expect(clientAddress(forwardedFor("::1"), 0)).toBe("0:0:0:0::/64");
  });

  it("puts anything that is not an address in one shared bucket", () => {
    expect(clientAddress(new Headers(), 0)).toBe("unknown");
    expect(clientAddress(forwardedFor("not-an-address"), 0)).toBe("unknown");
  });
});
