"use server";

import { fromZonedTime } from "date-fns-tz";
import { z } from "zod";
import {
  createArticleDraft,
  moveArticleToTrash,
  restoreArticleFromTrash,
  restoreArticleRevision,
  returnArticleToWriter,
  saveArticle,
  type ArticleWriteResult,
} from "@/db/queries/newsroom-articles";
import { staffAction, staffFormAction, type Outcome } from "@/lib/actions/staff-action";
import { requireStaff } from "@/lib/auth/staff";
import { articleFormSchema, type EditorConflict, type EditorResult, type EditorSaved } from "@/lib/editor/article-form";
import { returnToWriterSchema } from "@/lib/editor/review-form";
import { MAX_ARTICLE_SOURCE_LENGTH } from "@/lib/mdx/limits";
import { renderArticlePreview, type ArticlePreview } from "@/lib/mdx/preview";
import { site } from "@/lib/site";

const CONFLICT =
  "Someone else saved this story while you were editing. Your text is still here; " +
  "compare it with theirs below before saving again.";

const SAVED = {
  draft: "Draft saved.",
  "published-changed": "Saved. Readers see the change.",
  "scheduled-changed": "Saved. The story is still scheduled.",
  review: "Sent for review: an editor will publish it or return it to you with a note.",
  published: "Published.",
  scheduled: "Scheduled.",
  unpublished: "Unpublished: readers no longer see this story.",
} as const;

/** The schedule picker's local time in the newsroom's time zone; the data layer decides whether it is in the future. */
const newsroomTime = (publishAt: string) => (publishAt ? fromZonedTime(publishAt, site.timeZone) : undefined);

function turnedBack(result: Exclude<ArticleWriteResult, { status: "saved" }>): EditorResult {
  if (result.status === "conflict") {
    const { version, headline, dek, bodyMdx, authorName, updatedAt } = result.current;
    return {
      status: "conflict",
      message: CONFLICT,
      current: { version, headline, dek, bodyMdx, authorName, updatedAt },
    };
  }
  if (result.reason === "publish-time")
    return {
      status: "invalid",
      message: result.message,
      fieldErrors: { publishAt: ["Choose a future date and time."] },
    };
  if (result.reason === "bylines")
    return { status: "invalid", message: result.message, fieldErrors: { bylines: [result.message] } };
  return { status: "invalid", message: result.message, issues: result.issues };
}

/** Save draft, Send for review, Publish now, Schedule and Unpublish: each one press, one save, one version. */
export const saveArticleAction = staffAction({
  role: "writer",
  schema: articleFormSchema,
  invalidMessage: "Some fields need attention.",
  run: async ({
    id,
    expectedVersion,
    intent,
    publishAt,
    makeLead,
    changeKind,
    ...article
  }): Promise<Outcome<EditorSaved, EditorConflict>> => {
    const publication = { intent, makeLead, publishAt: intent === "schedule" ? newsroomTime(publishAt) : undefined };
    const result = id
      ? await saveArticle({ id, expectedVersion: expectedVersion ?? 0, changeKind, ...article, ...publication })
      : await createArticleDraft({ ...article, ...publication });
    if (result.status !== "saved") return turnedBack(result);
    const done =
      result.publication ??
      (intent === "review"
        ? "review"
        : result.standing === "draft"
          ? "draft"
          : (`${result.standing}-changed` as const));
    return {
      status: "ok",
      message: SAVED[done],
      version: result.version,
      slug: result.slug,
      expired: result.expired,
      ...(id ? { refresh: `/admin/articles/${id}` } : { redirectTo: `/admin/articles/${result.id}?created=${done}` }),
    };
  },
});

const RETURN_CONFLICT =
  "Someone saved this story since you opened it: reload the page and read their version before returning it.";

/** An editor sends a story waiting for review back to its writer, with a note the writer sees on the story. */
export const returnToWriterAction = staffAction({
  role: "editor",
  schema: returnToWriterSchema,
  echo: ["note"],
  run: async (input): Promise<Outcome> => {
    const result = await returnArticleToWriter(input);
    if (result.status === "conflict") return { status: "conflict", message: RETURN_CONFLICT };
    if (result.status === "invalid") return result;
    return { status: "ok", message: "Returned to the writer with your note.", refresh: `/admin/articles/${input.id}` };
  },
});

export async function previewArticleAction(source: string): Promise<ArticlePreview> {
  await requireStaff();
  const parsed = z.string().max(MAX_ARTICLE_SOURCE_LENGTH).safeParse(source);
  if (!parsed.success)
    return { status: "invalid", issues: [{ line: 1, column: 1, message: "The story is too long to preview." }] };
  return renderArticlePreview(parsed.data);
}

const articleId = z.uuid("That story could not be found: reload the page and try again.");

/** A story's own page, where a turned-back button is explained; a story that is gone shows as not found there. */
function articlePage(result: { status: string }, formData: FormData): string {
  const id = articleId.safeParse(formData.get("id"));
  if (!id.success) return "/admin";
  const page = `/admin/articles/${id.data}`;
  if (result.status === "not-found") return page;
  return `${page}?${result.status === "conflict" ? "restore-conflict=1" : `problem=${result.status}`}`;
}

const restoreSchema = z.object({
  id: articleId,
  revisionId: z.uuid(),
  expectedVersion: z.coerce.number().int().min(1),
});

export const restoreRevisionAction = staffFormAction({
  role: "writer",
  schema: restoreSchema,
  run: async (input): Promise<Outcome> => {
    const result = await restoreArticleRevision(input);
    if (result.status !== "saved") return turnedBack(result);
    const redirectTo = `/admin/articles/${input.id}?restored=1`;
    return { status: "ok", message: "Revision restored as a new version.", expired: result.expired, redirectTo };
  },
  turnedBack: articlePage,
});

const articleIdSchema = z.object({ id: articleId });

export const trashArticleAction = staffFormAction({
  role: "writer",
  schema: articleIdSchema,
  run: async (input) => {
    const { expired } = await moveArticleToTrash(input);
    return { status: "ok", message: "Moved to the trash.", expired, redirectTo: "/admin?notice=trashed" };
  },
  turnedBack: articlePage,
});

export const restoreFromTrashAction = staffFormAction({
  role: "admin",
  schema: articleIdSchema,
  run: async ({ id }) => {
    await restoreArticleFromTrash({ id });
    return { status: "ok", message: "Restored as a draft.", redirectTo: `/admin/articles/${id}?restored-from-trash=1` };
  },
  turnedBack: (result) => `/admin/trash?problem=${result.status}`,
});
