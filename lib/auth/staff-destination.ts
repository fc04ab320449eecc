import "server-only";
import { isStaffPath } from "./staff-paths";

const STAFF_HOME = "/admin";

/**
 * Where to send someone after signing in: the page they asked for, if it is in this site's staff
 * area, else the staff home. The address is resolved as a browser would — backslashes, dot
 * segments, percent-encoding — before it is judged, because `/admin/..\/evil.example` reads as a
 * staff path but resolves to `//evil.example`, which a browser follows to another host.
 */
export function staffDestination(callbackUrl: string | undefined, siteUrl: string): string {
  if (!callbackUrl) return STAFF_HOME;
  const site = new URL(siteUrl);
  let destination: URL;
  try {
    destination = new URL(callbackUrl, site);
  } catch {
    return STAFF_HOME;
  }
  const inStaffArea = destination.origin === site.origin && isStaffPath(destination.pathname);
  return inStaffArea ? `${destination.pathname}${destination.search}${destination.hash}` : STAFF_HOME;
}
