import { describe, expect, it } from "vitest";
import {
  breadcrumbJsonLd,
  isoWithOffset,
  liveBlogPostingJsonLd,
  newsArticleJsonLd,
  serializeJsonLd,
  webSiteJsonLd,
} from "./structured-data";

const site = {
  name: "The Meridian",
  url: "https://news.example",
  timeZone: "Europe/Kyiv",
  logoPath: "/apple-icon.png",
  language: "en",
  description: "News.",
};

describe("structured data for search engines", () => {
  it("describes a story as a NewsArticle with every property Google reads", () => {
    const data = newsArticleJsonLd(
      {
        slug: "ukraine-to-receive-nato-support",
        headline: "Ukraine to Receive NATO Support",
        dek: "NATO pledges long-term support",
        publishedAt: new Date("2023-11-30T22:00:00Z"),
        revisedAt: new Date("2023-12-02T10:30:00Z"),
        section: { name: "Conflicts" },
        authors: [
          { name: "Newsroom Staff", slug: "newsroom-staff" },
          { name: "Olena Kovalenko", slug: "olena-kovalenko" },
        ],
        tags: [{ name: "NATO" }],
        imagePath: "/media/0b6f4f1e-8a3b-4a52-9d2e-5f1a6c7b8d9e/1280",
        notes: [],
      },
      site,
    );
    expect(data).not.toHaveProperty("correction");
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Ukraine to Receive NATO Support",
      image: ["https://news.example/media/0b6f4f1e-8a3b-4a52-9d2e-5f1a6c7b8d9e/1280"],
      datePublished: "2023-12-01T00:00:00+02:00",
      dateModified: "2023-12-02T12:30:00+02:00",
      author: [
        { "@type": "Person", name: "Newsroom Staff", url: "https://news.example/author/newsroom-staff" },
        { "@type": "Person", name: "Olena Kovalenko", url: "https://news.example/author/olena-kovalenko" },
      ],
      publisher: {
        "@type": "NewsMediaOrganization",
        name: "The Meridian",
        logo: { "@type": "ImageObject", url: "https://news.example/apple-icon.png" },
      },
      mainEntityOfPage: { "@type": "WebPage", "@id": "https://news.example/articles/ukraine-to-receive-nato-support" },
    });
  });

  it("lists each correction and clarification as a CorrectionComment, but not an update, and dates the change", () => {
    const story = {
      slug: "harbour-strike",
      headline: "Harbour strike ends",
      dek: "",
      publishedAt: new Date("2026-12-01T08:00:00Z"),
      section: { name: "World" },
      authors: [{ name: "Newsroom Staff", slug: "newsroom-staff" }],
      tags: [],
      imagePath: "/articles/harbour-strike/opengraph-image",
    };
    const unchanged = newsArticleJsonLd({ ...story, revisedAt: null, notes: [] }, site);
    expect(unchanged.dateModified).toBe(unchanged.datePublished);
    const data = newsArticleJsonLd(
      {
        ...story,
        revisedAt: new Date("2026-12-02T09:15:00Z"),
        notes: [
          {
            kind: "correction",
            body: "An earlier version gave the wrong port.",
            notedAt: new Date("2026-12-02T09:00:00Z"),
          },
          { kind: "update", body: "Talks resumed.", notedAt: new Date("2026-12-02T09:15:00Z") },
        ],
      },
      site,
    );
    expect(data.dateModified).toBe("2026-12-02T11:15:00+02:00");
    expect(data).toMatchObject({
      correction: [
        {
          "@type": "CorrectionComment",
          text: "An earlier version gave the wrong port.",
          datePublished: "2026-12-02T11:00:00+02:00",
        },
      ],
    });
  });

  it("describes live coverage as a LiveBlogPosting with its start, end, newest entries and their corrections", () => {
    const data = liveBlogPostingJsonLd(
      {
        slug: "ceasefire-talks-live",
        headline: "Ceasefire talks: live",
        dek: "",
        publishedAt: new Date("2026-12-01T06:00:00Z"),
        revisedAt: null,
        section: { name: "Conflicts" },
        authors: [{ name: "Newsroom Staff", slug: "newsroom-staff" }],
        tags: [],
        imagePath: "/articles/ceasefire-talks-live/opengraph-image",
        notes: [],
        live: { startedAt: new Date("2026-12-01T06:00:00Z"), endedAt: new Date("2026-12-01T20:00:00Z") },
      },
      [
        {
          id: "e2",
          title: null,
          plainText: "The mediator spoke.",
          postedAt: new Date("2026-12-01T18:00:00Z"),
          notes: [],
        },
        {
          id: "e1",
          title: "Talks open",
          plainText: "Delegations arrived.",
          postedAt: new Date("2026-12-01T07:00:00Z"),
          notes: [
            {
              kind: "correction",
              body: "An earlier version gave the wrong time.",
              notedAt: new Date("2026-12-01T08:00:00Z"),
            },
          ],
        },
      ],
      site,
    );
    expect(data).toMatchObject({
      "@type": "LiveBlogPosting",
      headline: "Ceasefire talks: live",
      coverageStartTime: "2026-12-01T08:00:00+02:00",
      coverageEndTime: "2026-12-01T22:00:00+02:00",
      dateModified: "2026-12-01T20:00:00+02:00",
      liveBlogUpdate: [
        {
          "@type": "BlogPosting",
          headline: "The mediator spoke.",
          url: "https://news.example/articles/ceasefire-talks-live#entry-e2",
        },
        {
          "@type": "BlogPosting",
          headline: "Talks open",
          datePublished: "2026-12-01T09:00:00+02:00",
          correction: [
            {
              "@type": "CorrectionComment",
              text: "An earlier version gave the wrong time.",
              datePublished: "2026-12-01T10:00:00+02:00",
            },
          ],
        },
      ],
    });
    expect(data.liveBlogUpdate).toHaveLength(2);
    expect((data.liveBlogUpdate as unknown as Array<Record<string, unknown>>)[0]).not.toHaveProperty("correction");
  });

  it("writes dates with an explicit offset, even at UTC", () => {
    expect(isoWithOffset(new Date("2023-12-01T00:00:00Z"), "UTC")).toBe("2023-12-01T00:00:00+00:00");
  });

  it("numbers breadcrumbs from one with absolute URLs", () => {
    expect(
      breadcrumbJsonLd(
        [
          { name: "Home", path: "/" },
          { name: "Conflicts", path: "/category/conflicts" },
        ],
        site,
      ).itemListElement,
    ).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: "https://news.example/" },
      { "@type": "ListItem", position: 2, name: "Conflicts", item: "https://news.example/category/conflicts" },
    ]);
  });

  it("offers the site search to search engines", () => {
    expect(webSiteJsonLd(site).potentialAction).toEqual({
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: "https://news.example/search?q={search_term_string}" },
      "query-input": "required name=search_term_string",
    });
  });

  it("cannot be closed early by a headline containing </script>", () => {
    const json = serializeJsonLd({ headline: "</script><script>alert(1)</script>" });
    expect(json).not.toContain("</script>");
    expect(JSON.parse(json)).toEqual({ headline: "</script><script>alert(1)</script>" });
  });
});
