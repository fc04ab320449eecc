import type { MetadataRoute } from "next";
import { routes } from "@/lib/routes";
import { site } from "@/lib/site";

// Built per request so the sitemap URLs follow the SITE_URL the server runs with, not the one at build.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/login", "/api/"] },
    sitemap: [new URL(routes.sitemap, site.url).toString(), new URL(routes.newsSitemap, site.url).toString()],
  };
}
