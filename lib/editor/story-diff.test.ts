import { describe, expect, it } from "vitest";
import { diffStoryBlocks, diffStoryWords, mergeStoryBlocks, splitIntoBlocks, type WordPart } from "./story-diff";

const spelled = (parts: WordPart[], side: "before" | "after") =>
  parts
    .filter((part) => part.kind === "same" || part.kind === (side === "before" ? "removed" : "added"))
    .map((part) => part.text)
    .join("");

const story = (...blocks: string[]) => blocks.join("\n\n");

const PULL_QUOTE = '<PullQuote by="The mayor">\nWe will rebuild.\n\nEvery street of it.\n</PullQuote>';

describe("a word diff", () => {
  it("marks only the words that changed, keeping the spaces around them", () => {
    expect(diffStoryWords("The ferry left at noon.", "The ferry left at dawn.")).toEqual([
      { kind: "same", text: "The ferry left at " },
      { kind: "removed", text: "noon" },
      { kind: "added", text: "dawn" },
      { kind: "same", text: "." },
    ]);
  });

  it("shows a rewritten sentence as one change, not as alternating scraps of words", () => {
    expect(diffStoryWords("Ships wait offshore. Talks go on.", "I added this. Talks go on.")).toEqual([
      { kind: "removed", text: "Ships wait offshore" },
      { kind: "added", text: "I added this" },
      { kind: "same", text: ". Talks go on." },
    ]);
  });

  it("spells out both versions exactly, line breaks included", () => {
    const before = "Talks resumed on Monday.\n\nBoth sides  claimed progress.";
    const after = "Talks resumed on Tuesday after a long delay.\n\nBoth sides claimed progress.\nNo date was set.";
    const parts = diffStoryWords(before, after);
    expect(spelled(parts, "before")).toBe(before);
    expect(spelled(parts, "after")).toBe(after);
  });

  it("shows two identical texts as unchanged", () => {
    expect(diffStoryWords("Nothing moved.", "Nothing moved.")).toEqual([{ kind: "same", text: "Nothing moved." }]);
  });

  it("shows a rewrite too large to compare word by word as the old text replaced by the new", () => {
    const words = (prefix: string) => Array.from({ length: 1500 }, (_, index) => `${prefix}${index}`).join(" ");
    const parts = diffStoryWords(words("old"), words("new"));
    expect(parts).toEqual([
      { kind: "removed", text: words("old") },
      { kind: "added", text: words("new") },
    ]);
  });
});

describe("a story's blocks", () => {
  it("are its paragraphs, headings and photos, as blank lines separate them", () => {
    const body = story("## The port", "Cranes stood idle.", '<Figure caption="The quay" alt="Empty quay" />');
    expect(splitIntoBlocks(`${body}\n`)).toEqual([
      "## The port",
      "Cranes stood idle.",
      '<Figure caption="The quay" alt="Empty quay" />',
    ]);
  });

  it("keep a pull quote whose paragraphs are separated by a blank line as one block", () => {
    expect(splitIntoBlocks(story("Before.", PULL_QUOTE, "After."))).toEqual(["Before.", PULL_QUOTE, "After."]);
  });

  it("keep a loose list, a table and fenced code each as one block", () => {
    const list = "- Kyiv\n\n- Lviv\n  and its suburbs";
    const table = "| City | Shelters |\n| --- | --- |\n| Kyiv | 4,500 |";
    const code = "```\nfirst line\n\nlast line\n```";
    expect(splitIntoBlocks(story(list, table, code))).toEqual([list, table, code]);
  });

  it("keep lines with no blank line between them together, indentation and all", () => {
    expect(splitIntoBlocks("## Heading\nA line under it.\n\n   An indented paragraph.")).toEqual([
      "## Heading\nA line under it.",
      "   An indented paragraph.",
    ]);
  });

  it("of a body that does not parse as MDX are still split at its blank lines", () => {
    expect(splitIntoBlocks("One.\n\n\n<PullQuote>\nNever closed.\n\nTwo.\n")).toEqual([
      "One.",
      "<PullQuote>\nNever closed.",
      "Two.",
    ]);
  });
});

describe("their story against mine", () => {
  const theirs = story("The strike began.", "Dockers walked out at six.", "Talks are planned.", "Ships wait offshore.");

  it("a story where only the second paragraph differs offers one choice, and taking theirs there keeps the rest", () => {
    const mine = story(
      "The strike began.",
      "Dockers walked out at dawn.",
      "Talks are planned.",
      "Ships wait offshore.",
    );
    const hunks = diffStoryBlocks(theirs, mine);
    expect(hunks).toEqual([
      { kind: "same", blocks: ["The strike began."] },
      { kind: "changed", theirs: ["Dockers walked out at six."], mine: ["Dockers walked out at dawn."] },
      { kind: "same", blocks: ["Talks are planned.", "Ships wait offshore."] },
    ]);
    expect(mergeStoryBlocks(hunks, { 1: "theirs" })).toBe(theirs);
  });

  it("takes theirs in one change and keeps mine in another", () => {
    const mine = story(
      "The strike began on Monday.",
      "Dockers walked out at six.",
      "Talks are planned.",
      "I added this.",
    );
    const hunks = diffStoryBlocks(theirs, mine);
    const changes = hunks.flatMap((hunk, index) => (hunk.kind === "changed" ? [index] : []));
    expect(changes).toHaveLength(2);
    expect(mergeStoryBlocks(hunks, { [changes[0]!]: "theirs", [changes[1]!]: "mine" })).toBe(
      story("The strike began.", "Dockers walked out at six.", "Talks are planned.", "I added this."),
    );
  });

  it("keeps my text wherever nobody chose, so saving straight away saves what I wrote", () => {
    const mine = story("The strike began.", PULL_QUOTE, "Ships wait offshore.");
    expect(mergeStoryBlocks(diffStoryBlocks(theirs, mine), {})).toBe(mine);
  });

  it("offers a paragraph only they wrote as a change with nothing on my side", () => {
    const mine = story("The strike began.", "Dockers walked out at six.", "Ships wait offshore.");
    const hunks = diffStoryBlocks(theirs, mine);
    expect(hunks[1]).toEqual({ kind: "changed", theirs: ["Talks are planned."], mine: [] });
    expect(mergeStoryBlocks(hunks, { 1: "theirs" })).toBe(theirs);
    expect(mergeStoryBlocks(hunks, { 1: "mine" })).toBe(mine);
  });

  it("offers no choice when both texts say the same in the same blocks", () => {
    expect(diffStoryBlocks(theirs, `${theirs}\n`).every((hunk) => hunk.kind === "same")).toBe(true);
  });
});
