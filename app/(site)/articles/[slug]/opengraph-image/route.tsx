import { getPublishedArticle } from "@/db/queries/articles";
import { bylineText } from "@/lib/bylines";
import { drawSocialCard } from "@/lib/social-card";

type Context = { params: Promise<{ slug: string }> };

/**
 * The social card for a story without a lead photo: its section, headline and
 * the masthead, so a shared link never shows up blank.
 */
export async function GET(_request: Request, { params }: Context) {
  const article = await getPublishedArticle({ slug: (await params).slug });
  if (!article) return new Response("No such story.", { status: 404 });
  const { png, complete } = await drawSocialCard({
    section: article.section.name,
    headline: article.headline,
    byline: bylineText(article.authors.map((author) => author.name)),
  });
  // A masthead-only stand-in must not sit in CDN and social-network caches for a day.
  const cacheControl = complete
    ? "public, max-age=3600, s-maxage=3600, stale-while-revalidate=86400"
    : "public, max-age=60";
  return new Response(png, { headers: { "Content-Type": "image/png", "Cache-Control": cacheControl } });
}
