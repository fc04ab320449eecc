import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { describe, expect, it, vi } from "vitest";
import { MAX_ARTICLE_SOURCE_LENGTH } from "@/lib/mdx/limits";
import { ARTICLE_LIMITS } from "@/lib/editor/article-limits";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./server-action-limit";

// Loading next.config must not write a development secret into the working tree.
vi.mock("@/lib/auth/development-secret", () => ({ ensureDevelopmentAuthSecret: () => {} }));

const MEGABYTE = 1024 * 1024;
const UTF8_BYTES_AT_MOST = 4;

async function productionConfig(): Promise<NextConfig> {
  const { default: nextConfig } = await import("@/next.config");
  return nextConfig(PHASE_PRODUCTION_SERVER);
}

describe("the server action body limit", () => {
  it("is what next.config gives every server action, and the proxy passes such a body whole", async () => {
    const { experimental } = await productionConfig();
    expect(experimental?.serverActions?.bodySizeLimit).toBe(SERVER_ACTION_BODY_LIMIT_BYTES);
    expect(Number(experimental?.proxyClientMaxBodySize)).toBeGreaterThan(SERVER_ACTION_BODY_LIMIT_BYTES);
  });

  it("lets an anonymous visitor make the server read no more than 2 MB, far from a 25 MB photo", () => {
    expect(SERVER_ACTION_BODY_LIMIT_BYTES).toBeLessThanOrEqual(2 * MEGABYTE);
  });

  it("still takes the longest story, twice over after a conflict, with every other field at its longest", () => {
    const article = MAX_ARTICLE_SOURCE_LENGTH * UTF8_BYTES_AT_MOST;
    const { headline, dek, slug, seoTitle, seoDescription, tag, tags } = ARTICLE_LIMITS;
    const otherFields = (headline + dek + slug + seoTitle + seoDescription + tag * tags) * UTF8_BYTES_AT_MOST;
    const multipartOverhead = 16 * 1024;
    expect(2 * article + otherFields + multipartOverhead).toBeLessThanOrEqual(SERVER_ACTION_BODY_LIMIT_BYTES);
  });
});
