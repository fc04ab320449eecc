import { describe, expect, it } from "vitest";
import { photoGraphicSchema } from "./photo-graphic-form";

const ID = "0b8c1f5e-4b1e-4d6a-9a57-2f1d7e3c9a10";

describe("the graphic photo form", () => {
  it("keeps the warning of a photo marked graphic, on one line", () => {
    expect(
      photoGraphicSchema.parse({ id: ID, graphic: "on", graphicWarning: " This image shows\nthe dead. " }),
    ).toEqual({ id: ID, graphicWarning: "This image shows the dead." });
  });

  it("clears the warning when the box is left empty, whatever the field still says", () => {
    expect(photoGraphicSchema.parse({ id: ID, graphicWarning: "This image shows the dead." })).toEqual({
      id: ID,
      graphicWarning: null,
    });
  });

  it("asks for a warning when the box is ticked without one", () => {
    const result = photoGraphicSchema.safeParse({ id: ID, graphic: "on", graphicWarning: "  " });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["graphicWarning"],
      message: expect.stringContaining("This image shows"),
    });
  });
});
