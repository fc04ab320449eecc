import type { Metadata } from "next";
import { ArticleEditor } from "@/components/admin/article-editor";
import { MAX_PHOTO_BYTES } from "@/lib/media/inspect-photo";
import { listPhotos } from "@/db/queries/media";
import { listEditorChoices } from "@/db/queries/newsroom-articles";
import { canPublish } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/staff";

export const metadata: Metadata = { title: "New story", robots: { index: false } };

export default async function NewArticlePage() {
  const [staff, choices, library] = await Promise.all([requireStaff(), listEditorChoices(), listPhotos({ page: 1 })]);
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">New story</h1>
      <ArticleEditor
        article={{
          headline: "",
          dek: "",
          slug: "",
          slugLocked: false,
          sectionId: "",
          tags: [],
          seoTitle: "",
          seoDescription: "",
          bodyMdx: "",
          heroMediaId: null,
          bylines: [{ id: staff.id, name: staff.name }],
          status: "draft",
        }}
        photos={library.photos}
        sections={choices.sections}
        tagNames={choices.tags.map((tag) => tag.name)}
        writers={choices.authors}
        mayPublish={canPublish(staff)}
        maxPhotoBytes={MAX_PHOTO_BYTES}
      />
    </>
  );
}
