"use server";

import { revalidatePath } from "next/cache";
import { expireAllReaderPages } from "@/lib/reader-cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createTag, deleteTag, mergeTags, renameTag, type TaxonomyResult } from "@/db/queries/taxonomy";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { ARTICLE_LIMITS } from "@/lib/editor/article-limits";
import { staffLine } from "@/lib/editor/staff-text";

/** `values` hands back what was typed or chosen, so a refused form still shows it to correct. */
export type TagFormState =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | { status: "invalid"; message: string; values?: Partial<Record<"name" | "sourceId" | "targetId", string>> };

const STALE_FORM = "This form is out of date: reload the page and try again.";

// The same limit as a tag typed in the editor, so a renamed tag can still be typed there.
const tagName = staffLine()
  .trim()
  .min(1, "Enter a name for the tag.")
  .max(ARTICLE_LIMITS.tag, `Keep the tag name to ${ARTICLE_LIMITS.tag} characters or fewer.`);
const tagId = z.uuid(STALE_FORM);

const createSchema = z.object({ name: tagName });
const renameSchema = z.object({ id: tagId, name: tagName });
const mergeSchema = z.object({
  sourceId: z.uuid("Choose the tag to merge."),
  targetId: z.uuid("Choose the tag to merge it into."),
});
const deleteSchema = z.object({ id: tagId });

export type TagNotice = { notice: "merged"; tag: string; into: string } | { notice: "deleted"; tag: string };

function firstProblem(error: z.ZodError): string {
  return error.issues[0]?.message ?? STALE_FORM;
}

function submitted(formData: FormData, ...fields: Array<"name" | "sourceId" | "targetId">) {
  return Object.fromEntries(fields.map((field) => [field, String(formData.get(field) ?? "")]));
}

async function refreshTagPages() {
  revalidatePath("/admin/tags");
  // Tag names and links appear on tag pages, story pages and feeds; taxonomy changes are rare enough to refresh them all.
  await expireAllReaderPages();
}

/** Runs a taxonomy change; a refusal becomes a message on the form rather than an error page. */
async function attempt<T extends object>(change: () => Promise<TaxonomyResult<T>>): Promise<TaxonomyResult<T>> {
  try {
    const result = await change();
    if (result.status === "ok") await refreshTagPages();
    return result;
  } catch (error) {
    if (error instanceof NotAuthorizedError) return { status: "invalid", message: error.message };
    throw error;
  }
}

export async function createTagAction(_previous: TagFormState, formData: FormData): Promise<TagFormState> {
  const parsed = createSchema.safeParse(Object.fromEntries(formData));
  const values = submitted(formData, "name");
  if (!parsed.success) return { status: "invalid", message: firstProblem(parsed.error), values };
  const result = await attempt(() => createTag(parsed.data));
  if (result.status === "invalid") return { ...result, values };
  return { status: "ok", message: `Created the tag “${result.tag.name}” at /tag/${result.tag.slug}.` };
}

export async function renameTagAction(_previous: TagFormState, formData: FormData): Promise<TagFormState> {
  const parsed = renameSchema.safeParse(Object.fromEntries(formData));
  const values = submitted(formData, "name");
  if (!parsed.success) return { status: "invalid", message: firstProblem(parsed.error), values };
  const result = await attempt(() => renameTag(parsed.data));
  if (result.status === "invalid") return { ...result, values };
  const { tag, previous } = result;
  return {
    status: "ok",
    message:
      tag.slug === previous.slug
        ? `Renamed to “${tag.name}”; the address /tag/${tag.slug} is unchanged.`
        : `Renamed to “${tag.name}”. Links to /tag/${previous.slug} now lead to /tag/${tag.slug}.`,
  };
}

// Merging and deleting remove a row of the table, so the outcome is told at the top of the page.
const noticeUrl = (notice: TagNotice) => `/admin/tags?${new URLSearchParams(notice)}`;

export async function mergeTagAction(_previous: TagFormState, formData: FormData): Promise<TagFormState> {
  const parsed = mergeSchema.safeParse(Object.fromEntries(formData));
  const values = submitted(formData, "sourceId", "targetId");
  if (!parsed.success) return { status: "invalid", message: firstProblem(parsed.error), values };
  const result = await attempt(() => mergeTags(parsed.data));
  if (result.status === "invalid") return { ...result, values };
  redirect(noticeUrl({ notice: "merged", tag: result.source.name, into: result.target.name }));
}

export async function deleteTagAction(_previous: TagFormState, formData: FormData): Promise<TagFormState> {
  const parsed = deleteSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "invalid", message: firstProblem(parsed.error) };
  const result = await attempt(() => deleteTag(parsed.data));
  if (result.status === "invalid") return result;
  redirect(noticeUrl({ notice: "deleted", tag: result.tag.name }));
}
