/**
 * Where `/` is rendered. A page with a parameter is rendered on its first request and then
 * cached; a page without one would be prerendered by `next build`, which must not open the
 * database. next.config.ts rewrites `/` to this route.
 */
export const FRONT_PAGE_EDITION = "today";
export const FRONT_PAGE_ROUTE = `/front-page/${FRONT_PAGE_EDITION}`;
