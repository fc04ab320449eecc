/**
 * The only JSX an article may contain, and the only (string) props each takes.
 * Anything else in an article is rejected when it is saved.
 */
export const allowedComponents = {
  // `photo` is a library photo's id; `width` and `height` are its pixels, so the page reserves its space.
  Figure: { props: ["caption", "alt", "camera", "credit", "photo", "width", "height"], required: ["caption"] },
  PullQuote: { props: ["by"], required: [] },
  Aside: { props: ["title"], required: [] },
} as const satisfies Record<string, { props: readonly string[]; required: readonly string[] }>;

export type AllowedComponentName = keyof typeof allowedComponents;

export function isAllowedComponent(name: string): name is AllowedComponentName {
  return Object.hasOwn(allowedComponents, name);
}

const SAFE_SCHEMES = new Set(["http", "https", "mailto", "tel"]);

/**
 * Browsers ignore control characters and whitespace inside a scheme
 * ("java\tscript:"), so strip them before reading it; allow-list, never deny-list.
 */
export function isSafeLinkUrl(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

/** Images load without a click, so only the site's own paths: no tracking pixels, no foreign hosts. */
export function isSafeImageUrl(url: string): boolean {
  return /^\/(?!\/)/.test(url.trim()) && isSafeLinkUrl(url) && !url.includes("\\");
}
