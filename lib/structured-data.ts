import { formatInTimeZone } from "date-fns-tz";
import type {
  BlogPosting,
  BreadcrumbList,
  CorrectionComment,
  LiveBlogPosting,
  NewsArticle,
  WebSite,
  WithContext,
} from "schema-dts";
import { isCorrection } from "@/lib/article-notes";
import { entryAnchor } from "@/lib/live-coverage";
import { routes } from "@/lib/routes";

type Site = { name: string; url: string; timeZone: string; logoPath: string; language: string };

/** "2023-12-01T00:00:00+00:00": an explicit offset, as Google asks for, in the newsroom's zone. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, "yyyy-MM-dd'T'HH:mm:ssxxx");
}

const absolute = (site: Site, path: string) => new URL(path, site.url).toString();

export type NewsArticleFacts = {
  slug: string;
  headline: string;
  dek: string;
  publishedAt: Date;
  /** Its latest update or correction; null when it has not changed since publication. */
  revisedAt: Date | null;
  section: { name: string };
  /** In byline order. */
  authors: Array<{ name: string; slug: string }>;
  tags: Array<{ name: string }>;
  imagePath: string;
  /** Its notes: the corrections and clarifications become schema.org CorrectionComments. */
  notes: Array<{ kind: "correction" | "clarification" | "update"; body: string; notedAt: Date }>;
};

function correctionComments(article: Pick<NewsArticleFacts, "notes">, site: Site): CorrectionComment[] {
  return article.notes
    .filter((note) => isCorrection(note.kind))
    .map((note) => ({
      "@type": "CorrectionComment",
      text: note.body,
      datePublished: isoWithOffset(note.notedAt, site.timeZone),
    }));
}

export function newsArticleJsonLd(article: NewsArticleFacts, site: Site): WithContext<NewsArticle> {
  return { "@context": "https://schema.org", "@type": "NewsArticle", ...storyProperties(article, site) };
}

/** What every story says of itself, a NewsArticle or a LiveBlogPosting. */
function storyProperties(article: NewsArticleFacts, site: Site) {
  const url = absolute(site, routes.article(article.slug));
  const corrections = correctionComments(article, site);
  return {
    headline: article.headline,
    description: article.dek,
    image: [absolute(site, article.imagePath)],
    datePublished: isoWithOffset(article.publishedAt, site.timeZone),
    dateModified: isoWithOffset(article.revisedAt ?? article.publishedAt, site.timeZone),
    articleSection: article.section.name,
    keywords: article.tags.map((tag) => tag.name),
    inLanguage: site.language,
    author: article.authors.map((author) => ({
      "@type": "Person",
      name: author.name,
      url: absolute(site, routes.author(author.slug)),
    })),
    publisher: {
      "@type": "NewsMediaOrganization",
      name: site.name,
      url: site.url,
      logo: { "@type": "ImageObject", url: absolute(site, site.logoPath), width: "180", height: "180" },
    },
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    ...(corrections.length > 0 ? { correction: corrections } : {}),
  } satisfies Omit<NewsArticle, "@type">;
}

/** The entries a live story's structured data lists, newest first, each with its corrections. */
export type LiveUpdateFacts = {
  id: string;
  title: string | null;
  plainText: string;
  postedAt: Date;
  notes: NewsArticleFacts["notes"];
};

const LIVE_UPDATES_LISTED = 10;

/**
 * A live story as Google reads live coverage: a LiveBlogPosting with when the coverage began (and
 * ended), its most recent entries as `liveBlogUpdate`, and the newest entry's time as `dateModified`.
 */
export function liveBlogPostingJsonLd(
  article: NewsArticleFacts & { live: { startedAt: Date; endedAt: Date | null } },
  entries: LiveUpdateFacts[],
  site: Site,
): WithContext<LiveBlogPosting> {
  const storyUrl = absolute(site, routes.article(article.slug));
  const changed = Math.max(
    (article.revisedAt ?? article.publishedAt).getTime(),
    ...entries.map((entry) => entry.postedAt.getTime()),
  );
  return {
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    ...storyProperties(article, site),
    dateModified: isoWithOffset(new Date(changed), site.timeZone),
    coverageStartTime: isoWithOffset(article.live.startedAt, site.timeZone),
    ...(article.live.endedAt ? { coverageEndTime: isoWithOffset(article.live.endedAt, site.timeZone) } : {}),
    liveBlogUpdate: entries.slice(0, LIVE_UPDATES_LISTED).map((entry): BlogPosting => {
      const corrections = correctionComments(entry, site);
      return {
        "@type": "BlogPosting",
        headline: entry.title ?? entry.plainText.slice(0, 110),
        datePublished: isoWithOffset(entry.postedAt, site.timeZone),
        articleBody: entry.plainText,
        url: `${storyUrl}#${entryAnchor(entry.id)}`,
        ...(corrections.length > 0 ? { correction: corrections } : {}),
      };
    }),
  };
}

export function breadcrumbJsonLd(
  trail: Array<{ name: string; path: string }>,
  site: Site,
): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: absolute(site, crumb.path),
    })),
  };
}

// schema.org's SearchAction takes a "query-input" property that schema-dts does not model.
type WebSiteWithSearch = WithContext<WebSite> & { potentialAction: Record<string, unknown> };

export function webSiteJsonLd(site: Site & { description: string }): WebSiteWithSearch {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.name,
    url: site.url,
    description: site.description,
    inLanguage: site.language,
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${absolute(site, routes.search())}?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

/** JSON for a <script> element: "<" escaped so no headline can close the script early. */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
