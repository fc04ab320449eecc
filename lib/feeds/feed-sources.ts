import "server-only";
import { getAuthorProfile } from "@/db/queries/authors";
import { getSection } from "@/db/queries/sections";
import { findTagRedirect, getTag } from "@/db/queries/tags";
import { readerTags, type ReaderTag } from "@/lib/cache-tags";
import { cachedForReaders } from "@/lib/reader-cache";
import { isSlug } from "@/lib/slugs";

/** Tagged with the address asked for, so a "no such section" expires once there is one. */
const byAddress = (tag: (slug: string) => ReaderTag) => (slug: string) => (isSlug(slug) ? [tag(slug)] : []);

// A feed poll should not cost a database round trip just to learn its section or tag exists.
export const findFeedSection = cachedForReaders(
  "feed-section",
  (slug: string) => getSection({ slug }),
  byAddress(readerTags.section),
);
export const findFeedTag = cachedForReaders("feed-tag", (slug: string) => getTag({ slug }), byAddress(readerTags.tag));
// By the old slug, which a rename or merge expires; a redirect to a tag not yet public waits out the minute.
export const findMovedFeedTag = cachedForReaders(
  "feed-tag-redirect",
  (slug: string) => findTagRedirect({ slug }),
  byAddress(readerTags.tag),
);
export const findFeedAuthor = cachedForReaders(
  "feed-author",
  (slug: string) => getAuthorProfile({ slug }),
  byAddress(readerTags.author),
);
