import { isIP } from "node:net";

/**
 * The address that sign-in limits count against.
 *
 * Next 16 gives a route or server action no socket address. `next start` writes it into
 * X-Forwarded-For only when the request arrived without that header, and keeps one the client sent.
 * Each reverse proxy in front appends the address it was reached from, so the client's address is
 * the entry `trustedProxyHops` places from the right (TRUSTED_PROXY_HOPS, see the README). With no
 * proxy the rightmost entry is the best there is: the socket address, unless the client wrote the
 * header itself, in which case it is whatever the client claimed. So only the per-address counts
 * rest on it; each account's own count (ACCOUNT_RULE in ./sign-in-throttle.ts) ignores it. The
 * leftmost entry is never used: behind an appending proxy it is whatever the client claimed.
 * X-Real-IP is not read either: Next does not set it, so a client could.
 */
export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return addressGroup(entries[entries.length - Math.max(trustedProxyHops, 1)] ?? entries[0]);
}

/** IPv6 users are handed a whole /64: counting single addresses would give each of them 2^64 budgets. */
function addressGroup(entry: string | undefined): string {
  const address = entry?.replace(/^::ffff:(?=\d+\.)/i, "") ?? "";
  switch (isIP(address)) {
    case 4:
      return address;
    case 6:
      return `${ipv6Groups(address).slice(0, 4).join(":")}::/64`;
    default:
      return "unknown";
  }
}

function ipv6Groups(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}
