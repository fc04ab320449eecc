import { describe, expect, it } from "vitest";
import { photoFileHeaders } from "./photo-file-headers";

const PHOTO_ID = "0b8a5f3e-6d1c-4b7a-9e2f-3c4d5e6f7a8b";

describe("how a stored photo is described to the browser", () => {
  it.each([
    ["image/jpeg", "jpg"],
    ["image/png", "png"],
    ["image/webp", "webp"],
  ])("shows a %s in place, named by its id", (mimeType, extension) => {
    expect(photoFileHeaders(PHOTO_ID, mimeType)).toEqual({
      "Content-Type": mimeType,
      "Content-Disposition": `inline; filename="${PHOTO_ID}.${extension}"`,
    });
  });

  it.each(["image/svg+xml", "text/html", "image/gif", "application/pdf", "", "image/jpeg; charset=utf-8"])(
    "offers %j only as a download of opaque bytes, so it can never run as a page",
    (mimeType) => {
      expect(photoFileHeaders(PHOTO_ID, mimeType)).toEqual({
        "Content-Type": "application/octet-stream",
        "Content-Disposition": `attachment; filename="${PHOTO_ID}.bin"`,
      });
    },
  );

  it("does not take an inherited property for a type it serves", () => {
    expect(photoFileHeaders(PHOTO_ID, "constructor")["Content-Disposition"]).toMatch(/^attachment;/);
  });
});
