import { describe, expect, it } from "vitest";
import { isStaffPath } from "./staff-paths";

describe("the staff area's addresses", () => {
  it.each(["/admin", "/admin/", "/admin/staff", "/admin/articles/new", "/%61dmin", "/%61dmin/staff"])(
    "include %s",
    (pathname) => {
      expect(isStaffPath(pathname)).toBe(true);
    },
  );

  it.each(["/", "/administrator", "/admins", "/articles/admin", "/login", "/%ZZadmin"])("leave out %s", (pathname) => {
    expect(isStaffPath(pathname)).toBe(false);
  });
});
