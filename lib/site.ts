import { env } from "@/lib/env";
import { routes } from "@/lib/routes";

export const site = {
  name: "The Meridian",
  tagline: "Independent reporting on conflict, power and the world",
  description: "The Meridian reports on conflicts, world affairs, politics, the economy, technology and climate.",
  locale: "en-GB",
  language: "en",
  url: env.SITE_URL,
  timeZone: env.NEWSROOM_TIME_ZONE,
  storyAgeNoticeMonths: env.STORY_AGE_NOTICE_MONTHS,
  // The masthead for feeds and the publisher logo for search engines (app/apple-icon.png).
  logoPath: "/apple-icon.png",
} as const;

/** Every page's feed links: the site's own, plus a section's or tag's when the page has one. */
export function feedAlternates(ownFeed?: { title: string; path: string }) {
  return {
    "application/rss+xml": [
      ...(ownFeed ? [{ title: ownFeed.title, url: ownFeed.path }] : []),
      { title: `${site.name} — all stories`, url: routes.siteFeeds.rss },
    ],
    "application/atom+xml": [{ title: `${site.name} (Atom)`, url: routes.siteFeeds.atom }],
    "application/feed+json": [{ title: `${site.name} (JSON Feed)`, url: routes.siteFeeds.json }],
  };
}
