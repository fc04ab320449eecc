import "server-only";
import fs from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";

/**
 * PGlite has no lock of its own: two processes on one directory each see only
 * their own writes and one of them is silently lost. Every process that opens
 * the directory holds this lock for as long as it has the database open.
 */
export class DatabaseInUseError extends Error {
  constructor(directory: string) {
    super(
      `The embedded database in ${directory} is in use by another process ` +
        "(probably `npm run dev` or `npm start`). Stop that process first and try again; " +
        "two processes on one PGlite directory would silently lose each other's writes.",
    );
    this.name = "DatabaseInUseError";
  }
}

export function lockPgliteDirectory(directory: string): () => void {
  fs.mkdirSync(path.dirname(path.resolve(directory)), { recursive: true });
  try {
    return lockfile.lockSync(directory, {
      realpath: false,
      lockfilePath: `${directory}.lock`,
      // A crashed holder stops refreshing the lock; after this long it counts as stale.
      stale: 15_000,
      update: 5_000,
      onCompromised: (error) => {
        console.error("Lost the lock on the embedded database directory:", error.message);
      },
    });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ELOCKED") {
      throw new DatabaseInUseError(directory);
    }
    throw error;
  }
}
