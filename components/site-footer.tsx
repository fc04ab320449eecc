import { site } from "@/lib/site";
import { routes } from "@/lib/routes";
import { FeedLink } from "./feed-link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-stone-300 dark:border-stone-700">
      <div className="mx-auto max-w-6xl px-4 py-8 font-sans text-sm text-stone-600 dark:text-stone-400">
        <p>
          © {new Date().getFullYear()} {site.name}. {site.description}
        </p>
        <p className="mt-2">Stories marked as sample content are invented to demonstrate the portal.</p>
        <p className="mt-3 flex flex-wrap gap-4">
          <FeedLink href={routes.siteFeeds.rss} label="RSS feed" />
          <a href={routes.siteFeeds.atom} className="hover:underline">
            Atom
          </a>
          <a href={routes.siteFeeds.json} className="hover:underline">
            JSON Feed
          </a>
          <a href={routes.corrections()} className="hover:underline">
            Corrections
          </a>
        </p>
      </div>
    </footer>
  );
}
