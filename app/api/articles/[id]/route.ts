import { z } from "zod";
import { getArticleForEditing, saveArticle } from "@/db/queries/newsroom-articles";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { ARTICLE_LIMITS } from "@/lib/editor/article-form";
import { MAX_ARTICLE_SOURCE_LENGTH } from "@/lib/mdx/limits";
import { expireStoryPages } from "@/lib/reader-cache";

type Context = { params: Promise<{ id: string }> };

const articleUpdateSchema = z.object({
  expectedVersion: z.number().int().min(1),
  headline: z.string().trim().min(1).max(ARTICLE_LIMITS.headline),
  dek: z.string().trim().max(ARTICLE_LIMITS.dek).default(""),
  sectionId: z.uuid(),
  tags: z.array(z.string().trim().min(1).max(ARTICLE_LIMITS.tag)).max(ARTICLE_LIMITS.tags).default([]),
  bodyMdx: z.string().min(1).max(MAX_ARTICLE_SOURCE_LENGTH),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80).optional(),
  seoTitle: z.string().trim().max(ARTICLE_LIMITS.seoTitle).optional(),
  seoDescription: z.string().trim().max(ARTICLE_LIMITS.seoDescription).optional(),
});

const problem = (status: number, detail: string, extra: Record<string, unknown> = {}) =>
  Response.json({ status, detail, ...extra }, { status, headers: { "Cache-Control": "no-store" } });

function refusal(error: NotAuthorizedError) {
  return problem(error.reason === "signed-out" ? 401 : 403, error.message);
}

// Route handlers get no CSRF check from Next: a browser sends an Origin on cross-site writes, so compare it.
function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  return origin !== null && origin !== new URL(request.url).origin;
}

export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return problem(404, "No such story.");
  try {
    const article = await getArticleForEditing({ id });
    return article ? Response.json(article, { headers: { "Cache-Control": "no-store" } }) : problem(404, "No such story.");
  } catch (error) {
    if (error instanceof NotAuthorizedError) return refusal(error);
    throw error;
  }
}

/** Saves a story over the version the caller read: 409 with the current text if someone saved in between. */
export async function PUT(request: Request, { params }: Context) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return problem(404, "No such story.");
  if (isCrossSite(request)) return problem(403, "Cross-site requests are refused.");
  if (!request.headers.get("content-type")?.startsWith("application/json")) return problem(415, "Send the story as application/json.");
  const body = await request.json().catch(() => undefined);
  const parsed = articleUpdateSchema.safeParse(body);
  if (!parsed.success) return problem(422, "The story is not valid.", { fieldErrors: z.flattenError(parsed.error).fieldErrors });
  try {
    const result = await saveArticle({ id, ...parsed.data });
    switch (result.status) {
      case "saved":
        if (result.public) expireStoryPages({ slugs: [result.slug] });
        return Response.json(result, { headers: { "Cache-Control": "no-store" } });
      case "invalid":
        return problem(422, "The story has MDX problems to fix.", { issues: result.issues });
      case "conflict":
        return problem(409, "Someone else saved this story since you read it; merge with the current version and send again.", { current: result.current });
    }
  } catch (error) {
    if (error instanceof NotAuthorizedError) return refusal(error);
    throw error;
  }
}
