import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * Next 16 remembers what `revalidatePath` and `revalidateTag` expired only in the memory of the
 * process that called them, while the pages it rendered stay on disk. A server started again
 * would serve a story taken down before the restart, until that page's own revalidate time ran
 * out. So a starting server begins with an empty page and data cache: the first readers after a
 * restart wait for a render, and no takedown comes back.
 */
export function discardPagesRenderedBeforeThisStart(distDir = path.join(process.cwd(), ".next")) {
  for (const folder of ["server/route-cache", "cache/fetch-cache"]) {
    fs.rmSync(path.join(distDir, folder), { recursive: true, force: true });
  }
}
