import { z } from "zod";
import { getArticleForEditing, saveArticle } from "@/db/queries/newsroom-articles";
import { problem, problemFor } from "@/lib/actions/http";
import { isCrossSiteRequest } from "@/lib/auth/request-origin";
import { articleUpdateSchema } from "@/lib/editor/article-form";
import { MAX_ARTICLE_SOURCE_LENGTH } from "@/lib/mdx/limits";
import { expireReaderTags } from "@/lib/reader-cache";

type Context = { params: Promise<{ id: string }> };

// The longest story, escaped as JSON at worst six bytes a character, with room for the other fields.
const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
const TOO_LARGE = Symbol("too large");

/** Reads at most MAX_REQUEST_BYTES, whatever Content-Length claims, before anyone is asked who is sending it. */
async function readJson(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length")) > MAX_REQUEST_BYTES) return TOO_LARGE;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body?.getReader();
  if (!reader) return undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > MAX_REQUEST_BYTES) {
      await reader.cancel();
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return undefined;
  }
}

export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return problem(404, "No such story.");
  try {
    const article = await getArticleForEditing({ id });
    return article
      ? Response.json(article, { headers: { "Cache-Control": "no-store" } })
      : problem(404, "No such story.");
  } catch (error) {
    return problemFor(error);
  }
}

/**
 * Saves a story over the version the caller read: 409 with the current text if someone saved in between.
 * An optional `intent` publishes, schedules (at `publishAt`) or unpublishes it in the same save,
 * as the editor's buttons do; 422 with the reason if its photos lack alt text or a caption.
 */
export async function PUT(request: Request, { params }: Context) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return problem(404, "No such story.");
  if (isCrossSiteRequest(request)) return problem(403, "Cross-site requests are refused.");
  if (!request.headers.get("content-type")?.startsWith("application/json"))
    return problem(415, "Send the story as application/json.");
  const body = await readJson(request);
  if (body === TOO_LARGE)
    return problem(
      413,
      "The request is larger than any story can be; " +
        `a story is limited to ${MAX_ARTICLE_SOURCE_LENGTH.toLocaleString("en-GB")} characters.`,
    );
  const parsed = articleUpdateSchema.safeParse(body);
  if (!parsed.success)
    return problem(422, "The story is not valid.", { fieldErrors: z.flattenError(parsed.error).fieldErrors });
  try {
    const result = await saveArticle({ id, ...parsed.data });
    switch (result.status) {
      case "saved": {
        const { expired, ...saved } = result;
        await expireReaderTags(expired);
        return Response.json(saved, { headers: { "Cache-Control": "no-store" } });
      }
      case "invalid":
        return result.reason === "mdx"
          ? problem(422, "The story has MDX problems to fix.", { issues: result.issues })
          : problem(422, result.message, { reason: result.reason });
      case "conflict":
        return problem(
          409,
          "Someone else saved this story since you read it; merge with the current version and send again.",
          { current: result.current },
        );
    }
  } catch (error) {
    return problemFor(error);
  }
}
