import path from "node:path";
import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { ensureDevelopmentAuthSecret } from "./lib/auth/development-secret";
import { FRONT_PAGE_REWRITE } from "./lib/routes";
import { securityHeaders } from "./lib/security-headers";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/server-action-limit";
// Imported for its side effect: a bad environment stops the server here, naming the variable.
import "./lib/env";

ensureDevelopmentAuthSecret();

// Rendered pages and documents live in memory, or in Redis shared by several app servers when
// REDIS_URL is set (lib/shared-cache/). Never in Next's own disk cache: two servers started from
// one `.next` would read each other's pages, and a restarted server would serve pages whose expiry
// it has forgotten. `next dev` caches nothing, so it needs no handler.
const pageCache = (phase: string): Partial<NextConfig> =>
  phase === PHASE_DEVELOPMENT_SERVER
    ? {}
    : { cacheHandler: path.join(process.cwd(), "lib", "shared-cache", "cache-handler.mjs"), cacheMaxMemorySize: 0 };

const nextConfig = (phase: string): NextConfig => ({
  ...pageCache(phase),
  poweredByHeader: false,
  // Next hashes every page it sends, cache hits included, with a JavaScript loop over the whole
  // HTML (0.7 ms of a 50 KB article's ~2 ms at the origin, docs/BENCHMARKS.md): a revalidating
  // browser saves a few kilobytes and every reader pays the CPU. Feeds send their own ETags.
  generateEtags: false,
  // Metadata (feed autodiscovery, canonical, Open Graph) always in <head>, for feed readers and
  // crawlers that Next's user-agent list does not know, rather than streamed into the body.
  htmlLimitedBots: /.*/,
  // PGlite loads its WebAssembly from its own package directory: bundled, every query fails.
  // exifr, bundled, cannot find Node's fs and zlib and warns on every start.
  // esbuild, bundled, tries to parse its own native binary; it bundles the MDX compiler process at run time.
  serverExternalPackages: ["@electric-sql/pglite", "proper-lockfile", "exifr", "esbuild"],
  async rewrites() {
    return { beforeFiles: [{ source: "/", destination: FRONT_PAGE_REWRITE }], afterFiles: [], fallback: [] };
  },
  async headers() {
    return securityHeaders({ production: process.env.NODE_ENV === "production" });
  },
  experimental: {
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
    // proxy.ts runs on /admin, where the actions post, and Next buffers a copy of each body it sees,
    // cutting it short past this size. Every body an action accepts must pass whole, and one over
    // the action limit must still arrive over it, so that Next refuses it rather than reads half.
    proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT_BYTES + 1024 * 1024,
  },
});

export default nextConfig;
