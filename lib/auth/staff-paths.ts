/**
 * Whether a request path is in the staff area: `/admin` and below, not `/administrator`. Judged
 * decoded, because Next routes `/%61dmin` to `/admin`.
 */
export function isStaffPath(pathname: string): boolean {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Percent-encoding that decodes to nothing routes nowhere; judge it as written.
  }
  return /^\/admin(\/|$)/.test(decoded);
}
