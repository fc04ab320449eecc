import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "@/db/queries/search";

/** The database marks matches with control characters; they become <mark>s, the text stays text. */
export function SearchSnippet({ snippet }: { snippet: string }) {
  const parts = snippet.split(HIGHLIGHT_START).flatMap((chunk, index) => {
    if (index === 0) return [{ text: chunk, match: false }];
    const [matched = "", rest = ""] = chunk.split(HIGHLIGHT_STOP);
    return [
      { text: matched, match: true },
      { text: rest, match: false },
    ];
  });
  return (
    <p className="mt-2 text-stone-700 dark:text-stone-300">
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text))}
    </p>
  );
}
