import { describe, expect, it } from "vitest";
import { hasMalformedPercentEncoding } from "./malformed-address";

describe("malformed addresses", () => {
  it.each([
    "/articles/%E0%A4%A",
    "/category/%ZZ",
    "/tag/%C0%AF",
    "/author/%FF",
    "/category/conflicts/before/%E0%80",
    "/%",
  ])("recognises %s as percent-encoding that decodes to no text", (pathname) =>
    expect(hasMalformedPercentEncoding(pathname)).toBe(true),
  );

  it.each(["/", "/articles/a-story", "/search", "/articles/%E0%A4%A0", "/tag/caf%C3%A9", "/articles/%00"])(
    "lets %s through",
    (pathname) => expect(hasMalformedPercentEncoding(pathname)).toBe(false),
  );
});
