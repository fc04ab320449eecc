import { sitemapPage, sitemapPageCount } from "@/lib/sitemaps/sitemap-content";
import { xmlResponse } from "@/lib/sitemaps/xml-response";

type Context = { params: Promise<{ file: string }> };

export async function GET(_request: Request, { params }: Context) {
  const match = /^([1-9]\d{0,5})\.xml$/.exec((await params).file);
  const page = match ? Number(match[1]) : 0;
  if (page < 1 || page > (await sitemapPageCount())) return new Response("No such sitemap.", { status: 404 });
  return xmlResponse(await sitemapPage(page));
}
