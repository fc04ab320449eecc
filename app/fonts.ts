import localFont from "next/font/local";

// Self-hosted from the @fontsource packages: builds need no network, readers make no third-party request.
export const serif = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
      style: "normal",
    },
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2",
      style: "italic",
    },
  ],
  weight: "200 900",
  variable: "--font-source-serif",
  display: "swap",
});

export const sans = localFont({
  src: [{ path: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2", style: "normal" }],
  weight: "100 900",
  variable: "--font-inter",
  display: "swap",
});
