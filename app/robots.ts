import type { MetadataRoute } from "next";
import { site } from "@/lib/site";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/login", "/api/"] },
    sitemap: [new URL("/sitemap.xml", site.url).toString(), new URL("/news-sitemap.xml", site.url).toString()],
  };
}
