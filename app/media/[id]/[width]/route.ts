import { photoNotFound, photoResponse, publishedWidth } from "@/lib/media/photo-response";

type Context = { params: Promise<{ id: string; width: string }> };

/** One published width of a library photo, as WebP; made on its first request, then kept. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id, width } = await params;
  const published = publishedWidth(width);
  if (published === null) return photoNotFound();
  return photoResponse(request, id, published);
}
