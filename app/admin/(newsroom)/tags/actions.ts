"use server";

import { createTag, deleteTag, mergeTags, renameTag } from "@/db/queries/taxonomy";
import { staffAction, type Outcome } from "@/lib/actions/staff-action";
import {
  createTagSchema,
  deleteTagSchema,
  mergeTagsSchema,
  renameTagSchema,
  type TagNotice,
} from "@/lib/editor/tag-form";
import { routes } from "@/lib/routes";

const TAGS_PAGE = "/admin/tags";

const noticeUrl = (notice: TagNotice) => `${TAGS_PAGE}?${new URLSearchParams(notice)}`;

export const createTagAction = staffAction({
  role: "editor",
  schema: createTagSchema,
  echo: ["name"],
  run: async (input): Promise<Outcome> => {
    const result = await createTag(input);
    if (result.status !== "ok") return result;
    const { tag, expired } = result;
    return {
      status: "ok",
      message: `Created the tag “${tag.name}” at ${routes.tag(tag.slug)}.`,
      expired,
      refresh: TAGS_PAGE,
    };
  },
});

export const renameTagAction = staffAction({
  role: "editor",
  schema: renameTagSchema,
  echo: ["name"],
  run: async (input): Promise<Outcome> => {
    const result = await renameTag(input);
    if (result.status !== "ok") return result;
    const { tag, previous, expired } = result;
    const message =
      tag.slug === previous.slug
        ? `Renamed to “${tag.name}”; the address ${routes.tag(tag.slug)} is unchanged.`
        : `Renamed to “${tag.name}”. Links to ${routes.tag(previous.slug)} now lead to ${routes.tag(tag.slug)}.`;
    return { status: "ok", message, expired, refresh: TAGS_PAGE };
  },
});

export const mergeTagAction = staffAction({
  role: "editor",
  schema: mergeTagsSchema,
  echo: ["sourceId", "targetId"],
  run: async (input): Promise<Outcome> => {
    const result = await mergeTags(input);
    if (result.status !== "ok") return result;
    const { source, target, expired } = result;
    const redirectTo = noticeUrl({ notice: "merged", tag: source.name, into: target.name });
    return { status: "ok", message: `Merged “${source.name}” into “${target.name}”.`, expired, redirectTo };
  },
});

export const deleteTagAction = staffAction({
  role: "editor",
  schema: deleteTagSchema,
  run: async (input): Promise<Outcome> => {
    const result = await deleteTag(input);
    if (result.status !== "ok") return result;
    const { tag, expired } = result;
    const redirectTo = noticeUrl({ notice: "deleted", tag: tag.name });
    return { status: "ok", message: `Deleted “${tag.name}”.`, expired, redirectTo };
  },
});
