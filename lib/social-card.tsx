import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { site } from "@/lib/site";

/**
 * The card renderer (next/og) fetches any glyph its font lacks from a third party: emoji from a
 * CDN, letters outside the fonts it is given (below; Arabic, Hebrew, CJK) from Google Fonts.
 * Offline the emoji fetch throws mid-stream and cuts the card off. Characters nobody reads as text
 * (emoji, flags, skin tones, variation selectors, format, control and unassigned code points) are
 * therefore left off the card; the story page shows them as written. Letters stay: their fetch
 * fails softly.
 */
const LEFT_OFF_THE_CARD = new RegExp(
  String.raw`[\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}` +
    String.raw`\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u{20E3}]`,
  "gu",
);
// A whole emoji sequence, so the joiners inside it go with it.
const EMOJI_WITH_MODIFIERS = String.raw`\p{Extended_Pictographic}[\p{Emoji_Modifier}\u{FE0F}]*`;
const EMOJI_SEQUENCE = new RegExp(String.raw`${EMOJI_WITH_MODIFIERS}(?:\u{200D}${EMOJI_WITH_MODIFIERS})*`, "gu");
// Format characters that spell words (joiners in Persian and Indic scripts) or set their direction.
const SPELLING_MARKS = /[\u200C-\u200F]/;

export function socialCardText(text: string): string {
  return text
    .replace(EMOJI_SEQUENCE, "")
    .replace(LEFT_OFF_THE_CARD, (character) => (SPELLING_MARKS.test(character) ? character : ""))
    .replace(/\s+/g, " ")
    .trim();
}

type CardText = { section: string; headline: string; byline: string };
type CardFont = { name: string; data: ArrayBuffer; weight: 400 | 700; style: "normal" };

// Noto Sans for the scripts a European newsroom writes in most (č, ł, Київ, Αθήνα), so their
// letters are drawn from these files rather than fetched. Read once per server process.
const FONT_SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek"];
const CARD_FONT_FAMILY = FONT_SUBSETS.map((subset) => `"Noto Sans ${subset}"`).join(", ");
let cardFonts: Promise<CardFont[]> | undefined;

function loadCardFonts(): Promise<CardFont[]> {
  const folder = path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans", "files");
  cardFonts ??= Promise.all(
    FONT_SUBSETS.flatMap((subset) =>
      ([400, 700] as const).map(async (weight) => {
        const file = await fs.readFile(path.join(folder, `noto-sans-${subset}-${weight}-normal.woff`));
        return {
          name: `Noto Sans ${subset}`,
          data: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
          weight,
          style: "normal" as const,
        };
      }),
    ),
  );
  return cardFonts;
}

const SIZE = { width: 1200, height: 630 };

function SocialCard({ section, headline, byline }: CardText) {
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        width: "100%",
        height: "100%",
        padding: 72,
        background: "#1c1917",
        color: "#fafaf9",
        fontFamily: CARD_FONT_FAMILY,
      }}
    >
      <div style={{ display: "flex", fontSize: 30, letterSpacing: 4, textTransform: "uppercase", color: "#fca5a5" }}>
        {section}
      </div>
      <div style={{ display: "flex", fontSize: headline.length > 90 ? 52 : 66, fontWeight: 700, lineHeight: 1.15 }}>
        {headline}
      </div>
      <div
        style={{
          display: "flex",
          justifyContent: "space-between",
          fontSize: 28,
          color: "#d6d3d1",
          borderTop: "2px solid #57534e",
          paddingTop: 24,
        }}
      >
        <span>{site.name}</span>
        <span>{byline}</span>
      </div>
    </div>
  );
}

/**
 * A story's social card as PNG bytes, drawn whole before anyone is answered: if drawing fails,
 * the masthead-only card comes back instead of a cut-off response, marked so it is not kept long.
 */
export async function drawSocialCard(article: CardText): Promise<{ png: ArrayBuffer; complete: boolean }> {
  const card = {
    section: socialCardText(article.section),
    headline: socialCardText(article.headline),
    byline: socialCardText(article.byline),
  };
  const fonts = await loadCardFonts();
  try {
    return { png: await new ImageResponse(<SocialCard {...card} />, { ...SIZE, fonts }).arrayBuffer(), complete: true };
  } catch (error) {
    console.error("The social card could not be drawn; serving the masthead only.", error);
    return {
      png: await new ImageResponse(<SocialCard section="" headline={site.name} byline="" />, {
        ...SIZE,
        fonts,
      }).arrayBuffer(),
      complete: false,
    };
  }
}
