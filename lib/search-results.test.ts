import { beforeEach, describe, expect, it, vi } from "vitest";
import { searchArticles, type SearchResults } from "@/db/queries/search";
import { readerTags } from "@/lib/cache-tags";
import { expireReaderTags } from "@/lib/reader-cache";
import { findSearchResults } from "./search-results";

vi.mock("@/db/queries/search", () => ({ searchArticles: vi.fn() }));
vi.mock("@/db/client", () => ({ waitForReplicaToCatchUp: async () => {} }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (load: unknown) => load }));

const answer = (total: number): SearchResults => ({ results: [], total, page: 1, totalPages: 1 });

describe("search results under a crowd of readers", () => {
  beforeEach(async () => {
    await expireReaderTags([readerTags.search]);
    vi.mocked(searchArticles).mockReset().mockResolvedValue(answer(3));
  });

  it("asks the database once for readers searching the same words together or just after", async () => {
    const together = await Promise.all(
      Array.from({ length: 20 }, () => findSearchResults({ query: "ceasefire", page: 1 })),
    );
    expect(together.every((results) => results.total === 3)).toBe(true);
    await findSearchResults({ query: "ceasefire", page: 1 });
    expect(searchArticles).toHaveBeenCalledTimes(1);
    await findSearchResults({ query: "ceasefire", page: 2 });
    await findSearchResults({ query: "drought", page: 1 });
    expect(searchArticles).toHaveBeenCalledTimes(3);
  });

  it("finds a story at once after a change readers can find expires the search tag", async () => {
    await findSearchResults({ query: "ceasefire", page: 1 });
    vi.mocked(searchArticles).mockResolvedValue(answer(4));
    expect((await findSearchResults({ query: "ceasefire", page: 1 })).total).toBe(3);
    await expireReaderTags([readerTags.article("a-new-story"), readerTags.search]);
    expect((await findSearchResults({ query: "ceasefire", page: 1 })).total).toBe(4);
  });
});
