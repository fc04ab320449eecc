/**
 * Response headers for every page. The Content-Security-Policy is static rather
 * than nonce-based: a nonce changes per request, which would make every reader
 * page uncacheable; the price is 'unsafe-inline' for Next's inline bootstrap
 * scripts, while MDX can never emit a script in the first place (lib/mdx).
 */
type Header = { key: string; value: string };

function contentSecurityPolicy({
  framing,
  development,
}: {
  framing: "'none'" | "'self'";
  development: boolean;
}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${framing}`,
  ].join("; ");
}

function commonHeaders(production: boolean): Header[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}

export function securityHeaders({ production }: { production: boolean }) {
  const development = !production;
  return [
    {
      source: "/:path*",
      headers: [
        ...commonHeaders(production),
        { key: "Content-Security-Policy", value: contentSecurityPolicy({ framing: "'self'", development }) },
      ],
    },
    {
      // The staff area is never framed, not even by the site itself: no clickjacking of the publish button.
      source: "/(admin|login)(.*)",
      headers: [
        { key: "Content-Security-Policy", value: contentSecurityPolicy({ framing: "'none'", development }) },
        { key: "X-Frame-Options", value: "DENY" },
      ],
    },
  ];
}
