"use client";

/**
 * Shown when even the site's frame cannot be drawn, which is what a database outage does to a page
 * not yet in the cache (the masthead lists the sections). It brings its own <html> and <body>, and
 * inline styles since the site's stylesheet is not loaded here.
 */
export default function GlobalError() {
  return (
    <html lang="en-GB">
      <body
        style={{
          fontFamily: "Georgia, serif",
          maxWidth: "36rem",
          margin: "4rem auto",
          padding: "0 1rem",
          lineHeight: 1.5,
        }}
      >
        <title>Temporarily unavailable · The Meridian</title>
        <p style={{ fontWeight: 900, fontSize: "1.5rem" }}>The Meridian</p>
        <h1>This page is temporarily unavailable</h1>
        <p>
          We could not load it just now. The fault is at our end, not with your connection, and it is usually put right
          within a few minutes.
        </p>
        <p>Please try again in a moment. Meanwhile the front page and stories you have read recently may still open.</p>
        <p style={{ display: "flex", gap: "1rem", alignItems: "center", fontFamily: "system-ui, sans-serif" }}>
          {/* A full reload: the frame that failed is rendered again from the server, not patched in place. */}
          <button
            type="button"
            onClick={() => window.location.reload()}
            style={{ padding: "0.5rem 1rem", font: "inherit", fontWeight: 600 }}
          >
            Try again
          </button>
          <a href="/">Go to the front page</a>
        </p>
      </body>
    </html>
  );
}
