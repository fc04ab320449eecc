import "server-only";
import { site } from "@/lib/site";

/** `scheme://host[:port]` as a browser writes it in Origin: lower-case host, no default port. */
function originOf(address: string): string | null {
  try {
    return new URL(address).origin;
  } catch {
    return null;
  }
}

/**
 * The address the browser used, from the Host header: `next start` builds `request.url` from its
 * own host name, so that URL's origin is not what a same-origin browser sends. The scheme comes
 * from the proxy in front (nginx sets X-Forwarded-Proto); without one the app is plain HTTP.
 */
function addressTheBrowserUsed(request: Request): string | null {
  const host = request.headers.get("host");
  if (!host) return null;
  const forwardedProto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const proto = forwardedProto === "https" ? "https" : "http";
  return originOf(`${proto}://${host}`);
}

/**
 * Route handlers get no CSRF check from Next. A browser sends Origin on every cross-site write
 * (and on same-origin POSTs), so one that names neither this site nor the address the request was
 * sent to comes from another site. No Origin at all is not a browser's cross-site write.
 */
export function isCrossSiteRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  // Sandboxed frames and some redirects send the literal "null": it names no site, so none of ours.
  if (origin === "null") return true;
  // Compared whole: `http://localhost:3000.evil.example` starts like this site but is another.
  const ours = [originOf(site.url), addressTheBrowserUsed(request)];
  return !ours.includes(origin);
}
