import { ImageResponse } from "next/og";
import { getPublishedArticle } from "@/db/queries/articles";
import { site } from "@/lib/site";
import { socialCardText } from "@/lib/social-card-text";

type Context = { params: Promise<{ slug: string }> };

const size = { width: 1200, height: 630 };
const CACHE_CONTROL = "public, max-age=3600, s-maxage=3600, stale-while-revalidate=86400";

function SocialCard({ section, headline, byline }: { section: string; headline: string; byline: string }) {
  return (
    <div style={{ display: "flex", flexDirection: "column", justifyContent: "space-between", width: "100%", height: "100%", padding: 72, background: "#1c1917", color: "#fafaf9" }}>
      <div style={{ display: "flex", fontSize: 30, letterSpacing: 4, textTransform: "uppercase", color: "#fca5a5" }}>{section}</div>
      <div style={{ display: "flex", fontSize: headline.length > 90 ? 52 : 66, fontWeight: 700, lineHeight: 1.15 }}>{headline}</div>
      <div style={{ display: "flex", justifyContent: "space-between", fontSize: 28, color: "#d6d3d1", borderTop: "2px solid #57534e", paddingTop: 24 }}>
        <span>{site.name}</span>
        <span>{byline}</span>
      </div>
    </div>
  );
}

// Rendered whole before answering: a renderer failure then becomes the masthead-only card, not a cut-off response.
async function renderCard(card: Parameters<typeof SocialCard>[0]): Promise<ArrayBuffer> {
  try {
    return await new ImageResponse(<SocialCard {...card} />, size).arrayBuffer();
  } catch (error) {
    console.error("The social card could not be drawn; serving the masthead only.", error);
    return new ImageResponse(<SocialCard section="" headline={site.name} byline="" />, size).arrayBuffer();
  }
}

/**
 * The social card for a story without a lead photo: its section, headline and
 * the masthead, so a shared link never shows up blank.
 */
export async function GET(_request: Request, { params }: Context) {
  const article = await getPublishedArticle({ slug: (await params).slug });
  if (!article) return new Response("No such story.", { status: 404 });
  const png = await renderCard({
    section: socialCardText(article.section.name),
    headline: socialCardText(article.headline),
    byline: socialCardText(article.author.name),
  });
  return new Response(png, { headers: { "Content-Type": "image/png", "Cache-Control": CACHE_CONTROL } });
}
