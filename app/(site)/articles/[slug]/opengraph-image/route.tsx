import { ImageResponse } from "next/og";
import { getPublishedArticle } from "@/db/queries/articles";
import { site } from "@/lib/site";

type Context = { params: Promise<{ slug: string }> };

const size = { width: 1200, height: 630 };

/**
 * The social card for a story without a lead photo: its section, headline and
 * the masthead, so a shared link never shows up blank.
 */
export async function GET(_request: Request, { params }: Context) {
  const article = await getPublishedArticle({ slug: (await params).slug });
  if (!article) return new Response("No such story.", { status: 404 });
  return new ImageResponse(
    (
      <div style={{ display: "flex", flexDirection: "column", justifyContent: "space-between", width: "100%", height: "100%", padding: 72, background: "#1c1917", color: "#fafaf9" }}>
        <div style={{ display: "flex", fontSize: 30, letterSpacing: 4, textTransform: "uppercase", color: "#fca5a5" }}>{article.section.name}</div>
        <div style={{ display: "flex", fontSize: article.headline.length > 90 ? 52 : 66, fontWeight: 700, lineHeight: 1.15 }}>{article.headline}</div>
        <div style={{ display: "flex", justifyContent: "space-between", fontSize: 28, color: "#d6d3d1", borderTop: "2px solid #57534e", paddingTop: 24 }}>
          <span>{site.name}</span>
          <span>{article.author.name}</span>
        </div>
      </div>
    ),
    { ...size, headers: { "Cache-Control": "public, max-age=3600, s-maxage=3600, stale-while-revalidate=86400" } },
  );
}
