import { rootSitemap } from "@/lib/sitemaps/sitemap-content";
import { xmlResponse } from "@/lib/sitemaps/xml-response";

export async function GET() {
  return xmlResponse(await rootSitemap());
}
