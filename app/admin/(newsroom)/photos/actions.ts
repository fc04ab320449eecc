"use server";

import { listPhotos, updatePhotoText, type PhotoLibraryPage } from "@/db/queries/media";
import { staffAction, type Outcome } from "@/lib/actions/staff-action";
import { photoTextSchema } from "@/lib/editor/photo-text-form";
import { photoSearchSchema } from "./photo-search";

export const updatePhotoTextAction = staffAction({
  role: "writer",
  schema: photoTextSchema,
  invalidMessage: "Some fields need attention.",
  run: async (input): Promise<Outcome> => {
    const photo = await updatePhotoText(input);
    if (!photo) return { status: "not-found", message: "This photo is no longer in the library." };
    const message = photo.readyForPublication
      ? "Saved. This photo can appear in a published story."
      : "Saved. It still needs alt text and a caption before it can appear in a published story.";
    return { status: "ok", message, expired: photo.expired, refresh: "/admin/photos" };
  },
});

/** The photo picker's search: one page of the library, for any signed-in staff member. */
export const findPhotosAction = staffAction({
  role: "writer",
  schema: photoSearchSchema,
  run: async ({ q, page }): Promise<Outcome<PhotoLibraryPage>> => ({
    status: "ok",
    message: "",
    ...(await listPhotos({ query: q, page })),
  }),
});
