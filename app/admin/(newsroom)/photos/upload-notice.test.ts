import { describe, expect, it } from "vitest";
import { readUploadNotice, uploadNoticeMessage, uploadNoticeQuery } from "./upload-notice";

const MAX = 25 * 1024 * 1024;
const PHOTO_ID = "0b5c5d4e-8f1a-4c2b-9d3e-6f7a8b9c0d1e";

describe("the notice an upload without JavaScript comes back with", () => {
  it("survives the trip through the library's address", () => {
    for (const notice of [
      { kind: "uploaded", photoId: PHOTO_ID },
      { kind: "already-in-library", photoId: PHOTO_ID },
      { kind: "too-large", byteCount: 31_457_280 },
      { kind: "refused" },
    ] as const) {
      expect(readUploadNotice(Object.fromEntries(new URLSearchParams(uploadNoticeQuery(notice))))).toEqual(notice);
    }
  });

  it("tells an oversized file's size in the same words as the browser's own check", () => {
    expect(uploadNoticeMessage({ kind: "too-large", byteCount: 31_457_280 }, MAX)).toBe(
      "This file is 30 MB; photos can be at most 25 MB. Export a smaller JPEG and upload that.",
    );
  });

  it("cannot be made to say words of a link's choosing", () => {
    expect(readUploadNotice({ upload: "Your session expired: call 555-0100 to sign in again." })).toBeNull();
    expect(readUploadNotice({ upload: "too-large", size: "a lot; call 555-0100" })).toBeNull();
    expect(readUploadNotice({ upload: "uploaded", photo: '"><script>' })).toBeNull();
  });
});
