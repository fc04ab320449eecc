import { describe, expect, it } from "vitest";
import { staffDestination } from "./staff-destination";

const SITE = "https://meridian.example";

describe("the page staff land on after signing in", () => {
  it.each([
    ["/admin/articles/new", "/admin/articles/new"],
    ["/admin?q=ceasefire", "/admin?q=ceasefire"],
    ["/admin", "/admin"],
    [`${SITE}/admin/staff`, "/admin/staff"],
  ])("is the staff page they asked for: %s", (asked, landing) => {
    expect(staffDestination(asked, SITE)).toBe(landing);
  });

  it.each([
    undefined,
    "",
    "javascript:alert(1)",
    "https://evil.example/admin",
    "//evil.example/admin",
    "/\\evil.example/admin",
    "/admin/..\\/evil.example",
    "/admin/../\\evil.example",
    "/admin/%2e%2e/%2e%2e//evil.example",
    "/administrator",
    "/articles/some-story",
    "http://meridian.example/admin",
    "https://meridian.example.evil.example/admin",
    "\t//evil.example/admin",
  ])("is the staff home when asked for %s, which is not a staff page of this site", (asked) => {
    expect(staffDestination(asked, SITE)).toBe("/admin");
  });
});
