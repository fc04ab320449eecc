import { site } from "@/lib/site";
import { storyAgeNotice } from "@/lib/story-age";

const NOTICE_CLASSES =
  "mb-4 inline-block rounded-sm bg-amber-300 px-3 py-1.5 font-sans text-sm font-semibold text-stone-950";

/** At the top of an old story's page, in words, so a reshared story is not read as today's news. */
export function StoryAgeNotice({
  publishedAt,
  sectionShowsAgeNotice,
}: {
  publishedAt: Date;
  sectionShowsAgeNotice: boolean;
}) {
  // Rendered with the page: the notice counts whole months, and the page is re-rendered within its
  // revalidation time, so a cached copy is at most minutes behind a month boundary.
  const notice = sectionShowsAgeNotice ? storyAgeNotice(publishedAt, new Date(), site.storyAgeNoticeMonths) : null;
  if (!notice) return null;
  return (
    <p className={NOTICE_CLASSES} data-testid="story-age-notice">
      {notice}
    </p>
  );
}
