"use server";

import {
  approveLiveEntry,
  deleteLiveEntry,
  editLiveEntry,
  endLiveCoverage,
  pinLiveEntry,
  postLiveEntry,
  startLiveCoverage,
  storyFromLiveEntry,
  type LiveCoverageChange,
} from "@/db/queries/live-coverage";
import { staffAction, type Outcome } from "@/lib/actions/staff-action";
import {
  editLiveEntrySchema,
  endLiveCoverageSchema,
  liveEntrySchema,
  pinLiveEntrySchema,
  postLiveEntrySchema,
  startLiveCoverageSchema,
} from "@/lib/editor/live-coverage-form";

/** The live story's staff page is refreshed with the reader pages the change touched. */
function outcome(change: LiveCoverageChange, message: string): Outcome {
  if (change.status !== "ok") return change;
  return { status: "ok", message, expired: change.expired, refresh: `/admin/articles/${change.articleId}/live` };
}

export const startLiveCoverageAction = staffAction({
  role: "editor",
  schema: startLiveCoverageSchema,
  run: async (input) => outcome(await startLiveCoverage(input), "This story is live coverage: post the first entry."),
});

export const endLiveCoverageAction = staffAction({
  role: "editor",
  schema: endLiveCoverageSchema,
  run: async (input) =>
    outcome(await endLiveCoverage(input), "Live coverage ended: readers see it has ended, oldest entry first."),
});

export const postLiveEntryAction = staffAction({
  role: "writer",
  schema: postLiveEntrySchema,
  echo: ["title", "bodyMdx"],
  run: async (input) => {
    const posted = await postLiveEntry(input);
    const message =
      posted.entryStatus === "pending" ? "Sent: an editor lets it through to readers." : "Posted: readers see it now.";
    return outcome(posted, message);
  },
});

export const editLiveEntryAction = staffAction({
  role: "writer",
  schema: editLiveEntrySchema,
  echo: ["title", "bodyMdx"],
  run: async (input) => outcome(await editLiveEntry(input), "Entry saved. The audit log keeps its earlier text."),
});

export const deleteLiveEntryAction = staffAction({
  role: "writer",
  schema: liveEntrySchema,
  run: async (input) => outcome(await deleteLiveEntry(input), "Entry deleted."),
});

export const pinLiveEntryAction = staffAction({
  role: "writer",
  schema: pinLiveEntrySchema,
  run: async ({ entryId, pinned }) =>
    outcome(
      await pinLiveEntry({ entryId, pinned: pinned === "yes" }),
      pinned === "yes" ? "Pinned: readers see it first and in Key events." : "Unpinned.",
    ),
});

export const storyFromLiveEntryAction = staffAction({
  role: "writer",
  schema: liveEntrySchema,
  run: async (input): Promise<Outcome> => {
    const created = await storyFromLiveEntry(input);
    if (created.status !== "ok") return created;
    return { status: "ok", message: "Draft made.", redirectTo: `/admin/articles/${created.id}?created=draft` };
  },
});

export const approveLiveEntryAction = staffAction({
  role: "editor",
  schema: liveEntrySchema,
  run: async (input) => outcome(await approveLiveEntry(input), "Published: readers see it now."),
});
