import { listRecentNewsArticles } from "@/db/queries/sitemap";
import { newsSitemap } from "@/lib/sitemaps/build-sitemaps";
import { xmlResponse } from "@/lib/sitemaps/xml-response";
import { site } from "@/lib/site";

// Read from the database on request: `next build` never opens it.
export const dynamic = "force-dynamic";

export async function GET() {
  const articles = await listRecentNewsArticles();
  return xmlResponse(newsSitemap(articles, { name: site.name, language: site.language, siteUrl: site.url }));
}
