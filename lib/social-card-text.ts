/**
 * The social-card renderer (next/og) fetches a glyph it lacks from a third party: emoji from a
 * CDN, other scripts from Google Fonts. Offline the emoji fetch throws mid-stream and the card
 * is cut off; online every such headline makes the server call out. Characters nobody reads as
 * text (emoji, flags, variation selectors, format and control characters, unassigned code
 * points) are therefore left off the card — the story page itself shows them as written.
 */
const LEFT_OFF_THE_CARD =
  /[\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u{20E3}]/gu;

export function socialCardText(text: string): string {
  return text.replace(LEFT_OFF_THE_CARD, "").replace(/\s+/g, " ").trim();
}
