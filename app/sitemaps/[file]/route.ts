import { sitemapFile } from "@/lib/sitemaps/sitemap-content";
import { xmlResponse } from "@/lib/sitemaps/xml-response";

type Context = { params: Promise<{ file: string }> };

export async function GET(_request: Request, { params }: Context) {
  const match = /^([1-9]\d{0,5})\.xml$/.exec((await params).file);
  const xml = match ? await sitemapFile(Number(match[1])) : null;
  return xml === null ? new Response("No such sitemap.", { status: 404 }) : xmlResponse(xml);
}
