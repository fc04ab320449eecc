import "server-only";
import { getSection } from "@/db/queries/sections";
import { findTagRedirect, getTag } from "@/db/queries/tags";
import { cachedForReaders } from "@/lib/reader-cache";

// A feed poll should not cost a database round trip just to learn its section or tag exists.
export const findFeedSection = cachedForReaders("feed-section", (slug: string) => getSection({ slug }));
export const findFeedTag = cachedForReaders("feed-tag", (slug: string) => getTag({ slug }));
export const findMovedFeedTag = cachedForReaders("feed-tag-redirect", (slug: string) => findTagRedirect({ slug }));
