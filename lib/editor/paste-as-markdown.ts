import TurndownService from "turndown";
import { isSafeLinkUrl } from "@/lib/mdx/allow-list";

const turndown = new TurndownService({
  headingStyle: "atx",
  bulletListMarker: "-",
  emDelimiter: "_",
  codeBlockStyle: "fenced",
});

// Word and Google Docs wrap pasted text in styling and comments that mean nothing in a story.
turndown.remove(["style", "script", "meta", "title", "head"]);

turndown.addRule("safeLinks", {
  filter: "a",
  replacement: (content, node) => {
    const href = (node as HTMLAnchorElement).getAttribute("href") ?? "";
    return href && isSafeLinkUrl(href) && !href.startsWith("#") ? `[${content}](${href})` : content;
  },
});

turndown.addRule("noImages", {
  // Photos come from the library as Figures, never as pasted images from someone else's server.
  filter: "img",
  replacement: () => "",
});

/**
 * What a journalist pastes from a word processor, as the MDX the editor holds:
 * paragraphs, emphasis, headings, lists and links survive; braces and angle
 * brackets become literal text rather than code.
 */
export function pastedHtmlToMarkdown(html: string): string {
  return turndown
    .turndown(html)
    .replace(/[{}<>]/g, (character) => `\\${character}`)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
