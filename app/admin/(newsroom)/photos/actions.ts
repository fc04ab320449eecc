"use server";

import { revalidatePath } from "next/cache";
import { expireAllReaderPages } from "@/lib/reader-cache";
import { z } from "zod";
import { photoTextSchema, updatePhotoText } from "@/db/queries/media";
import { NotAuthorizedError } from "@/lib/auth/staff";

export type PhotoTextState =
  | { status: "idle" }
  | { status: "saved"; message: string }
  | { status: "invalid"; message: string; fieldErrors?: Record<string, string[] | undefined> };

const LIBRARY_PATH = "/admin/photos";

export async function updatePhotoTextAction(_previous: PhotoTextState, formData: FormData): Promise<PhotoTextState> {
  const parsed = photoTextSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return {
      status: "invalid",
      message: "Some fields need attention.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
    };
  }
  try {
    const photo = await updatePhotoText(parsed.data);
    if (!photo) return { status: "invalid", message: "This photo is no longer in the library." };
    revalidatePath(LIBRARY_PATH);
    // Alt text and captions show wherever a story shows the photo: lists, pages, feeds.
    await expireAllReaderPages();
    const message = photo.readyForPublication
      ? "Saved. This photo can appear in a published story."
      : "Saved. It still needs alt text and a caption before it can appear in a published story.";
    return { status: "saved", message };
  } catch (error) {
    if (error instanceof NotAuthorizedError) return { status: "invalid", message: error.message };
    throw error;
  }
}
