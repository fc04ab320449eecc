/**
 * How a story's writers are joined in its byline: "A", "A and B", "A, B and C" — the house style
 * has no comma before the "and".
 */
export function bylineSeparator(index: number, count: number): string {
  if (index === 0) return "";
  return index === count - 1 ? " and " : ", ";
}

/** The writers' names as one line of text, for places that cannot hold a link per name. */
export function bylineText(names: readonly string[]): string {
  return names.map((name, index) => bylineSeparator(index, names.length) + name).join("");
}
