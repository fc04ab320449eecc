/** A live entry's own anchor on its story's page: `#entry-{id}` scrolls to it and is its share link. */
export const entryAnchor = (entryId: string) => `entry-${entryId}`;

/** How often a reader's open page asks whether there is news, while the tab is visible. */
export const LIVE_POLL_SECONDS = 20;

/** How long nginx, a CDN and Next's own cache may answer a poll without asking the app again. */
export const LIVE_POLL_CACHE_SECONDS = 5;

/** "1 new update", "3 new updates". */
export const newUpdatesLabel = (count: number) => `${count} new update${count === 1 ? "" : "s"}`;
