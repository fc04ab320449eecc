import { execFileSync } from "node:child_process";

/** The checkout's commit, flagged when the working tree differs from it. */
export function gitCommit(): string {
  const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
  try {
    return `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain") ? " with uncommitted changes" : ""}`;
  } catch {
    return "unknown";
  }
}
