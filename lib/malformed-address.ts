/**
 * Whether a request path holds percent-encoding that decodes to no text (`%ZZ`, a cut-off or
 * overlong UTF-8 sequence). Next 16 answers such a path to a dynamic route with a bare 500 (its
 * 400 page does not exist in the App Router), so the proxy refuses it first.
 */
export function hasMalformedPercentEncoding(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
