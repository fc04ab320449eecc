import type { Metadata } from "next";
import { ArticleEditor } from "@/components/admin/article-editor";
import { listEditorChoices } from "@/db/queries/newsroom-articles";
import { canPublish } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/staff";

export const metadata: Metadata = { title: "New story", robots: { index: false } };

export default async function NewArticlePage() {
  const [staff, choices] = await Promise.all([requireStaff(), listEditorChoices()]);
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">New story</h1>
      <ArticleEditor
        article={{ headline: "", dek: "", slug: "", slugLocked: false, sectionId: "", tags: [], seoTitle: "", seoDescription: "", bodyMdx: "", heroMediaId: null, status: "draft" }}
        sections={choices.sections}
        tagNames={choices.tags.map((tag) => tag.name)}
        mayPublish={canPublish(staff)}
      />
    </>
  );
}
