import { describe, expect, it } from "vitest";
import { isPhotoId, photoReferences } from "./photo-references";

const harbour = "6f1c3b0e-8d1a-4c55-9a41-2a7d8e0f9b13";
const nets = "0b6f5a2c-3e4d-4f1a-8b2c-9d0e1f2a3b4c";

describe("photoReferences", () => {
  it("lists each Figure's photo in the order the story shows them, once each", () => {
    const body = [
      "Intro paragraph.",
      `<Figure photo="${nets}" caption="Nets" />`,
      "Middle paragraph.",
      `<Figure caption="Harbour" photo="${harbour}" width="600" height="800" />`,
      `<Figure photo="${nets}" caption="Nets again" />`,
    ].join("\n\n");
    expect(photoReferences(body)).toEqual([nets, harbour]);
  });

  it("finds a Figure written inside a paragraph, an aside or a list", () => {
    const body = `Text <Figure photo="${harbour}" caption="Inline" /> text.\n\n<Aside title="Background">\n\n- <Figure photo="${nets}" caption="Listed" />\n\n</Aside>`;
    expect(photoReferences(body)).toEqual([harbour, nets]);
  });

  it("ignores Figures that describe a photo without one, and photo values that are no library id", () => {
    const body =
      '<Figure caption="Described only" camera="Nikon D850" />\n\n<Figure photo="../../etc/passwd" caption="Not an id" />';
    expect(photoReferences(body)).toEqual([]);
  });

  it("does not mistake a photo attribute on another component, or text that looks like one, for a Figure", () => {
    const body = `<Aside title="${harbour}">The word photo="${nets}" in a sentence.</Aside>\n\n\`<Figure photo="${nets}" />\``;
    expect(photoReferences(body)).toEqual([]);
  });

  it("writes ids in lower case, as the database gives them back", () => {
    expect(photoReferences(`<Figure photo="${harbour.toUpperCase()}" caption="Upper" />`)).toEqual([harbour]);
  });

  it("throws on a body that is not MDX at all rather than report no photos", () => {
    expect(() => photoReferences('<Figure photo="x"')).toThrow();
  });
});

describe("isPhotoId", () => {
  it("accepts a database id and nothing else", () => {
    expect(isPhotoId(harbour)).toBe(true);
    expect(isPhotoId("harbour.jpg")).toBe(false);
    expect(isPhotoId(`${harbour} `)).toBe(false);
  });
});
