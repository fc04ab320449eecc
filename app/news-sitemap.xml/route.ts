import { recentNewsSitemap } from "@/lib/sitemaps/sitemap-content";
import { xmlResponse } from "@/lib/sitemaps/xml-response";

// Read from the database on request: `next build` never opens it.
export const dynamic = "force-dynamic";

export async function GET() {
  return xmlResponse(await recentNewsSitemap());
}
