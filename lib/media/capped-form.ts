import "server-only";

export type CappedForm =
  { status: "read"; form: FormData } | { status: "too-large"; byteCount: number } | { status: "unreadable" };

/**
 * A multipart/form-data body of at most `maxBytes`, whatever Content-Length says: a longer
 * declared body is refused before a byte is read, and an undeclared or understated one as soon as
 * it passes the limit. `byteCount` is as much of the size as is known, for the refusal's wording.
 */
export async function readCappedForm(request: Request, maxBytes: number): Promise<CappedForm> {
  const declared = Number(request.headers.get("content-length")) || 0;
  if (declared > maxBytes) return { status: "too-large", byteCount: declared };
  const reader = request.body?.getReader();
  if (!reader) return { status: "unreadable" };
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      return { status: "too-large", byteCount: received };
    }
    chunks.push(value);
  }
  try {
    // The original Content-Type, boundary and all: the boundary is case-sensitive.
    const body = new Response(Buffer.concat(chunks), {
      headers: { "Content-Type": request.headers.get("content-type") ?? "" },
    });
    return { status: "read", form: await body.formData() };
  } catch {
    return { status: "unreadable" };
  }
}
