import path from "node:path";
import type { NextConfig } from "next";
import { ensureDevelopmentAuthSecret } from "./lib/auth/development-secret";
import { FRONT_PAGE_ROUTE } from "./lib/reader-routes";
import { securityHeaders } from "./lib/security-headers";
// Imported for its side effect: a bad environment stops the server here, naming the variable.
import "./lib/env";

ensureDevelopmentAuthSecret();

// Several app servers share one page and data cache in Redis; one server alone keeps its own.
const sharedCache: Partial<NextConfig> = process.env.REDIS_URL
  ? { cacheHandler: path.join(process.cwd(), "lib", "shared-cache", "cache-handler.mjs"), cacheMaxMemorySize: 0 }
  : {};

const nextConfig: NextConfig = {
  ...sharedCache,
  poweredByHeader: false,
  // Metadata (feed autodiscovery, canonical, Open Graph) always in <head>, for feed readers and
  // crawlers that Next's user-agent list does not know, rather than streamed into the body.
  htmlLimitedBots: /.*/,
  // PGlite loads its WebAssembly from its own package directory: bundled, every query fails.
  // exifr, bundled, cannot find Node's fs and zlib and warns on every start.
  serverExternalPackages: ["@electric-sql/pglite", "proper-lockfile", "exifr"],
  async rewrites() {
    return { beforeFiles: [{ source: "/", destination: FRONT_PAGE_ROUTE }], afterFiles: [], fallback: [] };
  },
  async headers() {
    return securityHeaders({ production: process.env.NODE_ENV === "production" });
  },
  experimental: {
    // Photos up to 25 MB (lib/media) arrive through a server action, and through the proxy on /admin.
    serverActions: { bodySizeLimit: "26mb" },
    proxyClientMaxBodySize: "26mb",
  },
};

export default nextConfig;
