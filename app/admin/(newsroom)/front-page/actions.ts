"use server";

import {
  moveFrontPagePick,
  pinToFrontPage,
  unpinFromFrontPage,
  type FrontPageChange,
} from "@/db/queries/front-page-picks";
import { staffAction, type Outcome } from "@/lib/actions/staff-action";
import { moveStorySchema, pinStorySchema, unpinStorySchema } from "@/lib/editor/front-page-form";

const FRONT_PAGE_ADMIN = "/admin/front-page";

function outcome(change: FrontPageChange, message: (headline: string, place: number) => string): Outcome {
  if (change.status !== "ok") return change;
  return {
    status: "ok",
    message: message(change.headline, change.place),
    expired: change.expired,
    refresh: FRONT_PAGE_ADMIN,
  };
}

export const pinStoryAction = staffAction({
  role: "editor",
  schema: pinStorySchema,
  run: async ({ articleId, place }) =>
    outcome(await pinToFrontPage({ articleId, asLead: place === "lead" }), (headline, at) =>
      at === 1 ? `“${headline}” now leads the front page.` : `“${headline}” is pinned at place ${at}.`,
    ),
});

export const unpinStoryAction = staffAction({
  role: "editor",
  schema: unpinStorySchema,
  run: async (input) => outcome(await unpinFromFrontPage(input), (headline) => `“${headline}” is no longer pinned.`),
});

export const moveStoryAction = staffAction({
  role: "editor",
  schema: moveStorySchema,
  run: async (input) =>
    outcome(await moveFrontPagePick(input), (headline, at) =>
      at === 1 ? `“${headline}” now leads the front page.` : `Moved “${headline}” to place ${at}.`,
    ),
});
