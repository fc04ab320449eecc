"use client";

// Shown only when the root layout itself fails; it must bring its own <html> and <body>.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body style={{ fontFamily: "Georgia, serif", maxWidth: "36rem", margin: "4rem auto", padding: "0 1rem" }}>
        <h1>The site is having trouble</h1>
        <p>We could not load this page. Please try again in a moment.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
