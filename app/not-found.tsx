import { SiteShell } from "@/components/site-shell";
import { ArticleNotFound } from "@/components/article-not-found";

/**
 * Addresses no route knows. Next renders this page at build time, when the database is closed,
 * so its masthead goes without the section list; a missing story inside a section's or a
 * story's page gets the full chrome from app/(site)/not-found.tsx.
 */
export default function NotFound() {
  return (
    <SiteShell withSections={false}>
      <ArticleNotFound />
    </SiteShell>
  );
}
