import { ArticleNotFound } from "@/components/article-not-found";

export default function SiteNotFound() {
  return <ArticleNotFound />;
}
