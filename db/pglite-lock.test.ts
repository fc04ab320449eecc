import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseInUseError, lockPgliteDirectory } from "./pglite-lock";

describe("the embedded database's directory lock", () => {
  it("refuses a second holder with a message that says what to do, and frees the directory on release", () => {
    const directory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-lock-")), "pglite");
    const release = lockPgliteDirectory(directory);
    expect(() => lockPgliteDirectory(directory)).toThrow(DatabaseInUseError);
    expect(() => lockPgliteDirectory(directory)).toThrow(/in use by another process.*Stop that process first/s);
    release();
    const again = lockPgliteDirectory(directory);
    again();
  });
});
