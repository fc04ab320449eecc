import { describe, expect, it } from "vitest";
import { compileArticle, MdxCompileError } from "./compile";
import { MAX_TABLE_CELLS } from "./limits";
import { findParseHazard } from "./parse-limits";

const TOO_MANY_CELLS = /tables in this story hold more than 5,000 cells/;

/** A markdown table with a header, its delimiter row, and `rows` rows of `columns` cells. */
function table(rows: number, columns: number, cell = "x", { outerPipes = true } = {}): string {
  const line = (text: string) => {
    const inner = Array.from({ length: columns }, () => text).join(" | ");
    return outerPipes ? `| ${inner} |` : inner;
  };
  return [line("Seat"), line("---"), ...Array.from({ length: rows }, () => line(cell))].join("\n");
}

describe("the table cell limit", () => {
  it("accepts a story whose tables hold exactly the limit, and refuses one cell row more", () => {
    const rows = MAX_TABLE_CELLS / 10 - 1;
    expect(findParseHazard(table(rows, 10))).toBeNull();
    expect(findParseHazard(table(rows + 1, 10))?.message).toMatch(TOO_MANY_CELLS);
  });

  it("accepts results for all 650 constituencies in five columns", () => {
    expect(findParseHazard(table(650, 5, "Labour hold"))).toBeNull();
  });

  it("refuses a 200 KB table within two seconds, naming the row that passes the limit", async () => {
    // 100 columns: the header holds 100 cells, so the 50th row below it brings the count to 5,100.
    const source = table(490, 100, "1");
    expect(source.length).toBeGreaterThan(190_000);
    const started = performance.now();
    const error = await compileArticle(source).catch((caught: unknown) => caught);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(MdxCompileError);
    const [issue] = (error as MdxCompileError).issues;
    expect(issue).toMatchObject({ line: 2 + 50, column: 1, message: expect.stringMatching(TOO_MANY_CELLS) });
    expect((error as MdxCompileError).message).toContain("52:1: The tables in this story");
  });

  it("counts the cells of every table in the story together", () => {
    const source = `${table(300, 10)}\n\nBetween the tables.\n\n${table(300, 10)}`;
    // 3,010 cells in the first table; the second's header (line 306) and 199th row (line 506) pass 5,000.
    expect(findParseHazard(source)).toMatchObject({ line: 506, message: expect.stringMatching(TOO_MANY_CELLS) });
  });

  it("counts tables written without outer pipes", () => {
    expect(findParseHazard(table(2_600, 2, "x", { outerPipes: false }))?.message).toMatch(TOO_MANY_CELLS);
    expect(findParseHazard(table(2_400, 2, "x", { outerPipes: false }))).toBeNull();
  });

  it("counts cells a row holds beyond the table's columns, which the parser still reads", () => {
    const crowded = ["| Seat |", "| --- |", ...Array.from({ length: 60 }, () => `|${" x |".repeat(100)}`)].join("\n");
    expect(findParseHazard(crowded)?.message).toMatch(TOO_MANY_CELLS);
  });

  it("finds a table inside a quote, pointing past the quote marker", () => {
    const quoted = table(600, 10)
      .split("\n")
      .map((line) => `> ${line}`)
      .join("\n");
    expect(findParseHazard(quoted)).toMatchObject({
      line: 2 + 500,
      column: 3,
      message: expect.stringMatching(TOO_MANY_CELLS),
    });
  });

  it("does not take pipes in prose or in code for a table", () => {
    const prose = Array.from({ length: 3_000 }, () => "Left | right | centre, as the pollsters put it.").join("\n\n");
    const code = ["```", table(1_000, 10), "```"].join("\n");
    expect(findParseHazard(prose)).toBeNull();
    expect(findParseHazard(code)).toBeNull();
  });

  it("reads a setext heading underline as a heading, not as a table", () => {
    const headings = Array.from({ length: 6_000 }, (_, index) => `Part ${index}\n---`).join("\n\n");
    expect(findParseHazard(headings)).toBeNull();
  });
});
