const FEED_GLYPH_WAVES =
  "M3 10.5a10.5 10.5 0 0 1 10.5 10.5h-3A7.5 7.5 0 0 0 3 13.5zm0-6A16.5 16.5 0 0 1 19.5 21h-3A13.5 13.5 0 0 0 3 7.5z";
const FEED_LINK_CLASSES =
  "inline-flex items-center gap-1 font-sans text-sm font-semibold text-orange-800 hover:underline " +
  "dark:text-orange-300";

function FeedGlyph() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="currentColor">
      <circle cx="5" cy="19" r="2" />
      <path d={FEED_GLYPH_WAVES} />
    </svg>
  );
}

/** A visible subscription link beside the <link rel="alternate"> feed readers find on their own. */
export function FeedLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} className={FEED_LINK_CLASSES} type="application/rss+xml">
      <FeedGlyph />
      {label}
    </a>
  );
}
