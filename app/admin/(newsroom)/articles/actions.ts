"use server";

import { fromZonedTime } from "date-fns-tz";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import {
  createArticleDraft,
  moveArticleToTrash,
  publishArticle,
  restoreArticleFromTrash,
  restoreArticleRevision,
  saveArticle,
  unpublishArticle,
  type ArticleForEditing,
} from "@/db/queries/newsroom-articles";
import { requireStaff, NotAuthorizedError } from "@/lib/auth/staff";
import { expireAllReaderPages, expireStoryPages } from "@/lib/reader-cache";
import { articleFormSchema } from "@/lib/editor/article-form";
import { renderArticlePreview, type ArticlePreview } from "@/lib/mdx/preview";
import type { MdxIssue } from "@/lib/mdx/safety";
import { site } from "@/lib/site";

export type EditorState =
  | { status: "idle" }
  | { status: "saved"; version: number; slug: string; message: string; warning?: boolean }
  | { status: "invalid"; message: string; fieldErrors?: Record<string, string[] | undefined>; issues?: MdxIssue[] }
  | {
      status: "conflict";
      message: string;
      current: Pick<ArticleForEditing, "version" | "headline" | "dek" | "bodyMdx" | "authorName" | "updatedAt">;
    }
  | { status: "refused"; message: string };

function publicationTime(intent: string, publishAt: string): Date | undefined | "invalid" {
  if (intent !== "schedule") return undefined;
  if (!publishAt) return "invalid";
  const when = fromZonedTime(publishAt, site.timeZone);
  return Number.isNaN(when.getTime()) || when <= new Date() ? "invalid" : when;
}

type IntentOutcome = { message: string; versionBump: number; warning?: boolean };

/** After a successful save: publish, schedule or unpublish as the button asked. Each of those is a new version. */
async function applyIntent(
  intent: "save" | "publish" | "schedule" | "unpublish",
  id: string,
  when: Date | undefined,
): Promise<IntentOutcome> {
  if (intent === "publish" || intent === "schedule") {
    const publication = await publishArticle({ id, publishAt: when });
    if (publication.status === "invalid") {
      return { message: `Saved, but not published: ${publication.message}`, versionBump: 0, warning: true };
    }
    await expireStoryPages({ slugs: [publication.slug] });
    return { message: publication.status === "scheduled" ? "Scheduled." : "Published.", versionBump: 1 };
  }
  if (intent === "unpublish") {
    await unpublishArticle({ id });
    await expireAllReaderPages();
    return { message: "Unpublished: readers no longer see this story.", versionBump: 1 };
  }
  return { message: "Draft saved.", versionBump: 0 };
}

export async function saveArticleAction(_previous: EditorState, formData: FormData): Promise<EditorState> {
  const parsed = articleFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return {
      status: "invalid",
      message: "Some fields need attention.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
    };
  }
  const { id, expectedVersion, intent, publishAt, ...input } = parsed.data;
  const when = publicationTime(intent, publishAt);
  if (when === "invalid") {
    return {
      status: "invalid",
      message: "Choose a future date and time to schedule the story.",
      fieldErrors: { publishAt: ["Choose a future date and time."] },
    };
  }
  try {
    const result = id
      ? await saveArticle({ id, expectedVersion: expectedVersion ?? 0, ...input })
      : await createArticleDraft(input);
    if (result.status === "invalid") {
      return {
        status: "invalid",
        message: "The story has problems to fix before it can be saved.",
        issues: result.issues,
      };
    }
    if (result.status === "conflict") {
      const { version, headline, dek, bodyMdx, authorName, updatedAt } = result.current;
      return {
        status: "conflict",
        message:
          "Someone else saved this story while you were editing. Your text is still here; compare it with theirs below before saving again.",
        current: { version, headline, dek, bodyMdx, authorName, updatedAt },
      };
    }
    if (result.public) await expireStoryPages({ slugs: [result.slug] });
    const outcome = await applyIntent(intent, result.id, when);
    if (!id) redirect(`/admin/articles/${result.id}?created=1${outcome.warning ? "&not-published=1" : ""}`);
    revalidatePath(`/admin/articles/${id}`);
    return {
      status: "saved",
      version: result.version + outcome.versionBump,
      slug: result.slug,
      message: outcome.message,
      warning: outcome.warning,
    };
  } catch (error) {
    if (error instanceof NotAuthorizedError) return { status: "refused", message: error.message };
    throw error;
  }
}

export async function previewArticleAction(source: string): Promise<ArticlePreview> {
  await requireStaff();
  const parsed = z.string().max(250_000).safeParse(source);
  if (!parsed.success)
    return { status: "invalid", issues: [{ line: 1, column: 1, message: "The story is too long to preview." }] };
  return renderArticlePreview(parsed.data);
}

const restoreSchema = z.object({ id: z.uuid(), revisionId: z.uuid(), expectedVersion: z.coerce.number().int().min(1) });

export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const parsed = restoreSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Error("That revision could not be restored: reload the page and try again.");
  const result = await restoreArticleRevision(parsed.data);
  if (result.status === "saved" && result.public) await expireStoryPages({ slugs: [result.slug] });
  const outcome = result.status === "saved" ? "restored=1" : "restore-conflict=1";
  redirect(`/admin/articles/${parsed.data.id}?${outcome}`);
}

const articleIdSchema = z.object({ id: z.uuid() });

export async function trashArticleAction(formData: FormData): Promise<void> {
  const parsed = articleIdSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Error("That story could not be found: reload the page and try again.");
  await moveArticleToTrash(parsed.data);
  await expireAllReaderPages();
  redirect("/admin?notice=trashed");
}

export async function restoreFromTrashAction(formData: FormData): Promise<void> {
  const parsed = articleIdSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Error("That story could not be found: reload the page and try again.");
  await restoreArticleFromTrash(parsed.data);
  redirect(`/admin/articles/${parsed.data.id}?restored-from-trash=1`);
}
