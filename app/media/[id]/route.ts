import { photoResponse } from "@/lib/media/photo-response";

type Context = { params: Promise<{ id: string }> };

/** A library photo as stored: the cleaned original, without GPS or location tags. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return photoResponse(request, id);
}
