import { describe, expect, it } from "vitest";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, newPasswordSchema } from "./password-policy";

const problem = (password: string) => newPasswordSchema.safeParse(password).error?.issues[0]?.message;

describe("new passwords", () => {
  it("take 8 to 128 characters", () => {
    expect(problem("x".repeat(MIN_PASSWORD_LENGTH - 1) + "!")).toBeUndefined();
    expect(problem("short12")).toBe("Use at least 8 characters.");
    expect(problem("a long passphrase ".repeat(8).slice(0, MAX_PASSWORD_LENGTH))).toBeUndefined();
    expect(problem("y".repeat(MAX_PASSWORD_LENGTH + 1))).toBe("Use at most 128 characters.");
  });

  it("refuse the passwords credential-stuffing lists try first, in any case", () => {
    for (const common of ["password", "Password123", "QWERTYUIOP", "newsroom"]) {
      expect(problem(common), common).toBe("This password is too common; choose another.");
    }
    expect(problem("ferries at midnight 2026")).toBeUndefined();
  });
});
