import { describe, expect, it } from "vitest";
import { buildArticleModel } from "./article-model";
import { feedItemHtml, type FeedPhoto } from "./feed-html";

const SITE = "https://meridian.example";
const PHOTO = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

/** Built at save, joined when the feed is built. */
const feedHtml = (mdx: string, leadPhoto?: FeedPhoto) =>
  feedItemHtml(buildArticleModel(mdx).feedBody, SITE, { leadPhoto });

describe("an article body as feed HTML", () => {
  it("shows a photo the newsroom has only described as its caption, camera and credit, with no image", () => {
    const html = feedHtml('<Figure caption="Delegates in Brussels" camera="Nikon D850" credit="Ana Kovač" />');
    expect(html).toBe(
      "<figure><figcaption>Delegates in Brussels<br>Taken with Nikon D850<br>Photo: Ana Kovač</figcaption></figure>",
    );
  });

  it("shows a library photo at the published 960-pixel width, by its absolute address, in proportion", () => {
    const html = feedHtml(
      `<Figure photo="${PHOTO.toUpperCase()}" width="4000" height="3000" caption="Soldiers at dawn" alt="Six soldiers in a trench" />`,
    );
    expect(html).toContain(
      `<img src="${SITE}/media/${PHOTO}/960" alt="Six soldiers in a trench" width="960" height="720">`,
    );
  });

  it("never enlarges a narrow photo, and names an image without alt text by its caption", () => {
    const html = feedHtml(`<Figure photo="${PHOTO}" width="640" height="480" caption="A ferry at Varnen" />`);
    expect(html).toContain(`alt="A ferry at Varnen" width="640" height="480"`);
  });

  it("shows no image for a photo reference without its size, as the page does", () => {
    expect(feedHtml(`<Figure photo="${PHOTO}" caption="Waiting for the file" />`)).not.toContain("<img");
    expect(feedHtml(`<Figure photo="not-a-photo" width="10" height="10" caption="x" />`)).not.toContain("<img");
  });

  it("shows a graphic photo in the body as its warning and a link to the story, never the image", () => {
    const story = `${SITE}/articles/shelling-hits-the-port`;
    const html = feedItemHtml(
      buildArticleModel(
        `Before.\n\n<Figure photo="${PHOTO}" width="4000" height="3000" caption="After the shelling" alt="Bodies > 3 & more" />\n\nAfter.`,
      ).feedBody,
      SITE,
      { graphicPhotos: { [PHOTO]: "This image shows the bodies of soldiers" }, storyUrl: story },
    );
    expect(html).not.toContain("<img");
    expect(html).not.toContain(`/media/${PHOTO}`);
    expect(html).toContain(
      `<figure><p><strong>Warning: graphic image.</strong> This image shows the bodies of soldiers ` +
        `<a href="${story}">See the photo on the story’s page</a>.</p><figcaption>After the shelling</figcaption></figure>`,
    );
    expect(html).toContain("<p>Before.</p>");
    expect(html).toContain("<p>After.</p>");
  });

  it("shows a graphic lead photo as its warning too, and other photos as they are", () => {
    const story = `${SITE}/articles/shelling-hits-the-port`;
    const other = "9a7b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";
    const html = feedItemHtml(
      buildArticleModel(`<Figure photo="${other}" width="800" height="600" caption="The port at night" />`).feedBody,
      SITE,
      {
        leadPhoto: {
          caption: "The quay",
          photoId: PHOTO,
          width: 1200,
          height: 800,
          graphicWarning: "This image shows the dead",
        },
        storyUrl: story,
      },
    );
    expect(html).not.toContain(`/media/${PHOTO}`);
    expect(html).toContain("This image shows the dead");
    expect(html).toContain(`<img src="${SITE}/media/${other}/960"`);
  });

  it("puts the lead photo first, as on the page", () => {
    const html = feedHtml("The first paragraph.", {
      caption: "Soldiers standing strong",
      alt: null,
      camera: "Canon EOS 5D Mark IV",
      credit: null,
      photoId: null,
      width: null,
      height: null,
    });
    expect(html).toBe(
      "<figure><figcaption>Soldiers standing strong<br>Taken with Canon EOS 5D Mark IV</figcaption></figure>\n<p>The first paragraph.</p>",
    );
  });

  it("turns a pull quote into a blockquote with the speaker on a cite line", () => {
    const html = feedHtml('<PullQuote by="Jens Stoltenberg">\nAs long as it *takes*.\n</PullQuote>');
    expect(html).toBe(
      "<blockquote><p>As long as it <em>takes</em>.</p><p>— <cite>Jens Stoltenberg</cite></p></blockquote>",
    );
  });

  it("turns an aside into an aside headed by its title", () => {
    const html = feedHtml('<Aside title="Background">\nThe council first met in 1997.\n</Aside>');
    expect(html).toBe("<aside><p><strong>Background</strong></p><p>The council first met in 1997.</p></aside>");
  });

  it("makes site links and images absolute and leaves other addresses alone", () => {
    const html = feedHtml(
      "See [the earlier story](/articles/earlier), [our site](https://meridian.example/), [write to us](mailto:desk@meridian.example), [the note](#note) and ![a chart](/charts/turnout.png).",
    );
    expect(html).toContain(`<a href="${SITE}/articles/earlier">the earlier story</a>`);
    expect(html).toContain(`<a href="mailto:desk@meridian.example">write to us</a>`);
    expect(html).toContain(`<a href="#note">the note</a>`);
    expect(html).toContain(`<img src="${SITE}/charts/turnout.png" alt="a chart">`);
  });

  it("stores half a surrogate pair as the replacement character, which JSON and XML can both carry", () => {
    const { feedBody } = buildArticleModel("Half \uD800 a pair.");
    expect(JSON.stringify(feedBody)).not.toContain("\\ud800");
    expect(feedItemHtml(feedBody, SITE)).toBe("<p>Half \uFFFD a pair.</p>");
  });

  it("keeps a body heading below the headline", () => {
    expect(feedHtml("# What happens next")).toBe("<h2>What happens next</h2>");
  });

  it("escapes ampersands, angle brackets and quotes, and keeps non-ASCII letters, in text and in captions", () => {
    const caption = `Bread & <butter> "rationed" in Kraków — 'so far'`;
    const attribute = caption.replace(/'/g, "&apos;");
    const html = feedHtml(
      `Tom &amp; Jerry \\<script> said "ça va" in Zürich.\n\n<Figure caption='${attribute}' alt='${attribute}' photo="${PHOTO}" width="960" height="640" />`,
    );
    expect(html).toContain(`<p>Tom &#x26; Jerry &#x3C;script> said "ça va" in Zürich.</p>`);
    expect(html).toContain(`alt="Bread &#x26; <butter> &#x22;rationed&#x22; in Kraków — &#x27;so far&#x27;"`);
    expect(html).toContain(`<figcaption>Bread &#x26; &#x3C;butter> "rationed" in Kraków — 'so far'</figcaption>`);
    expect(html).not.toContain("<script");
  });

  it("leaves the site's address and the photo's address open in the stored body, to be filled when a feed is built", () => {
    const { feedBody } = buildArticleModel(
      `See [the earlier story](/articles/earlier).\n\n<Figure photo="${PHOTO}" width="960" height="640" caption="Boats" />`,
    );
    expect(feedBody).toContainEqual({ sitePath: "/articles/earlier" });
    expect(feedBody).toContainEqual({ photo: PHOTO });
    const staging = feedItemHtml(feedBody, "https://staging.meridian.example");
    expect(staging).toContain(`<a href="https://staging.meridian.example/articles/earlier">the earlier story</a>`);
    expect(staging).toContain(`<img src="https://staging.meridian.example/media/${PHOTO}/960"`);
  });

  it("shows none of a body whose model was never built, but still its lead photo", () => {
    expect(feedItemHtml(null, SITE)).toBe("");
    expect(feedItemHtml(null, SITE, { leadPhoto: { caption: "The quay" } })).toBe(
      "<figure><figcaption>The quay</figcaption></figure>\n",
    );
  });

  it("refuses a body that would not pass the safety check today", () => {
    expect(() => feedHtml("import fs from 'fs'\n\nText.")).toThrow(/1:1: import and export/);
    expect(() => feedHtml("Home is {process.env.HOME}.")).toThrow(/Curly braces/);
    expect(() => feedHtml("<script>alert(1)</script>")).toThrow(/not allowed/);
    expect(() => feedHtml("[click](javascript:alert(1))")).toThrow(/http, https, mailto or tel/);
    expect(() => feedHtml("![pixel](https://tracker.example/p.gif)")).toThrow(/from this site/);
  });
});
