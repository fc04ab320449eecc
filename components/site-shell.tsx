import type { ReactNode } from "react";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

const SKIP_LINK_CLASSES =
  "sr-only font-sans focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-sm " +
  "focus:bg-white focus:px-3 focus:py-2 focus:text-stone-900";

/** The reader's chrome: skip link, masthead and sections, the page, the footer. */
export function SiteShell({ children, withSections = true }: { children: ReactNode; withSections?: boolean }) {
  return (
    <>
      <a href="#main-content" className={SKIP_LINK_CLASSES}>
        Skip to main content
      </a>
      <SiteHeader withSections={withSections} />
      <main id="main-content" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
