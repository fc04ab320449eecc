import { describe, expect, it } from "vitest";

import { decodeArticleBytes } from "@/lib/article-import/decode-article";
import { ArticleFormatError } from "@/lib/article-import/parse-article";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function withBytes(...parts: Array<string | number[]>): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? [...utf8(part)] : part)));
}

function refusal(bytes: Uint8Array): ArticleFormatError {
  try {
    decodeArticleBytes(bytes);
  } catch (error) {
    if (error instanceof ArticleFormatError) return error;
    throw error;
  }
  throw new Error("expected the bytes to be refused");
}

describe("decodeArticleBytes", () => {
  it("decodes UTF-8 text, accents and all", () => {
    expect(decodeArticleBytes(utf8("Kyiv — Zelenskyy’s café\n"))).toBe("Kyiv — Zelenskyy’s café\n");
  });

  it("drops a leading byte order mark", () => {
    expect(decodeArticleBytes(withBytes([0xef, 0xbb, 0xbf], "Conflicts"))).toBe("Conflicts");
  });

  it("refuses a Windows-1252 byte on the line where it sits", () => {
    const error = refusal(withBytes("Conflicts\n\nCaf", [0xe9], " society\n"));
    expect(error.line).toBe(3);
    expect(error.reason).toBe("the file is not valid UTF-8 (byte 0xE9 at offset 14); save it as UTF-8");
  });

  it("reports a broken multi-byte sequence at its first byte", () => {
    // 0xE2 0x80 opens a three-byte character that "x" cuts short.
    expect(refusal(withBytes("ab", [0xe2, 0x80], "x")).reason).toMatch(/byte 0xE2 at offset 2/);
  });

  it("counts CRLF and lone CR line endings as parseStory does", () => {
    expect(refusal(withBytes("one\r\ntwo\rthree\n", [0xff])).line).toBe(4);
  });

  it("refuses a file cut off part-way through a character", () => {
    const error = refusal(withBytes("Conflicts\n", [0xf0, 0x9f, 0x93]));
    expect(error.line).toBe(2);
    expect(error.reason).toMatch(/offset 10/);
  });

  it("reports a bad byte right after a byte order mark at offset 3", () => {
    expect(refusal(withBytes([0xef, 0xbb, 0xbf, 0x80])).reason).toMatch(/byte 0x80 at offset 3/);
  });
});

describe("control characters in a story file", () => {
  it("refuses a NUL on the line where it sits, naming it", () => {
    const error = refusal(utf8("Conflicts\r\n\r\npublished : 2024-03-01\r\n\r\nTalks\u0000 resume\r\n"));
    expect(error.line).toBe(5);
    expect(error.reason).toBe(
      "the file holds an invisible control character (U+0000), which no story needs; delete it and import again",
    );
  });

  it("refuses the characters search uses to mark its highlights", () => {
    expect(refusal(utf8("Conflicts\n\n\u0002Talks\u0003")).reason).toMatch(/U\+0002/);
  });

  it("keeps tabs and every kind of line ending", () => {
    expect(decodeArticleBytes(utf8("one\ttwo\r\nthree\rfour\n"))).toBe("one\ttwo\r\nthree\rfour\n");
  });
});
