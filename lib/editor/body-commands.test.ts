import { describe, expect, it } from "vitest";
import { applyBodyCommand, figureMarkup, insertLibraryPhoto } from "./body-commands";
import { compileArticle } from "@/lib/mdx/compile";

const at = (text: string, start: number, end = start) => ({ text, selectionStart: start, selectionEnd: end });

describe("the body toolbar", () => {
  it("makes the selected words bold and keeps them selected", () => {
    const result = applyBodyCommand("bold", at("NATO met today.", 0, 4));
    expect(result.text).toBe("**NATO** met today.");
    expect(result.text.slice(result.selectionStart, result.selectionEnd)).toBe("NATO");
  });

  it("turns the current line into a subheading", () => {
    expect(applyBodyCommand("heading", at("Intro.\n\nBackground", 10)).text).toBe("Intro.\n\n## Background");
  });

  it("turns selected lines into a list", () => {
    expect(applyBodyCommand("list", at("one\ntwo", 0, 7)).text).toBe("- one\n- two");
  });

  it("makes a link and selects its address for typing", () => {
    const result = applyBodyCommand("link", at("Read the statement.", 9, 18));
    expect(result.text).toBe("Read the [statement](https://).");
    expect(result.text.slice(result.selectionStart, result.selectionEnd)).toBe("https://");
  });

  it("inserts a pull quote and a photo as blocks of their own that compile", async () => {
    let edit = applyBodyCommand("pullQuote", at("First paragraph.", 16));
    edit = applyBodyCommand("figure", { ...edit, selectionStart: edit.text.length, selectionEnd: edit.text.length });
    expect(edit.text).toBe(
      'First paragraph.\n\n<PullQuote by="Speaker">The quotation</PullQuote>\n\n<Figure caption="Describe the photo" camera="" />\n',
    );
    await expect(compileArticle(edit.text)).resolves.toBeTruthy();
  });

  it("writes a library photo's id, size and text, with quotes and ampersands safe inside its attributes", async () => {
    const markup = figureMarkup({
      id: "6f1c3b0e-8d1a-4c55-9a41-2a7d8e0f9b13",
      width: 600,
      height: 800,
      caption: 'The "council" met at Q&A',
      altText: "Delegates",
      camera: "Nikon D850",
    });
    expect(markup).toBe(
      '<Figure photo="6f1c3b0e-8d1a-4c55-9a41-2a7d8e0f9b13" width="600" height="800" caption="The &quot;council&quot; met at Q&amp;A" alt="Delegates" camera="Nikon D850" />',
    );
    await expect(compileArticle(markup)).resolves.toBeTruthy();
  });

  it("leaves the camera out of a library photo that names none", () => {
    const markup = figureMarkup({
      id: "6f1c3b0e-8d1a-4c55-9a41-2a7d8e0f9b13",
      width: 64,
      height: 48,
      caption: "A chart",
      altText: "",
      camera: null,
    });
    expect(markup).not.toContain("camera=");
  });

  it("drops a library photo in between paragraphs, not inside one", () => {
    const photo = {
      id: "0b6f4f1e-8a3b-4a52-9d2e-5f1a6c7b8d9e",
      width: 1600,
      height: 1067,
      caption: "Delegates",
      altText: "Delegates at a table",
      camera: null,
    };
    const edit = insertLibraryPhoto(at("First.\n\nSecond.", 6), photo);
    expect(edit.text).toBe(`First.\n\n${figureMarkup(photo)}\n\nSecond.`);
  });
});
