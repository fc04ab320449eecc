import { getText, gzipTransferSize } from "./http";
import { scriptReferences } from "./html";

export type ScriptWeight = {
  scripts: number;
  gzipBytes: number;
  noModuleScripts: number;
  noModuleGzipBytes: number;
  uncompressed: string[];
};

/**
 * The compressed JavaScript a page makes a browser download. `nomodule` scripts are polyfills that
 * current browsers skip, so they are counted apart.
 */
export async function measureScriptWeight(baseUrl: string, path: string): Promise<ScriptWeight> {
  const pageUrl = baseUrl + path;
  const references = scriptReferences(await getText(pageUrl));
  const sizes = await Promise.all(
    references.map(async (reference) => ({
      ...reference,
      ...(await gzipTransferSize(new URL(reference.src, pageUrl).href)),
    })),
  );
  const loaded = sizes.filter((size) => !size.noModule);
  const skipped = sizes.filter((size) => size.noModule);
  const total = (list: typeof sizes) => list.reduce((sum, size) => sum + size.bytes, 0);
  return {
    scripts: loaded.length,
    gzipBytes: total(loaded),
    noModuleScripts: skipped.length,
    noModuleGzipBytes: total(skipped),
    uncompressed: sizes.filter((size) => size.encoding !== "gzip").map((size) => size.src),
  };
}
