"use server";

import { revalidatePath } from "next/cache";
import { expireAllReaderPages } from "@/lib/reader-cache";
import { z } from "zod";
import { photoTextSchema, updatePhotoText, uploadPhoto } from "@/db/queries/media";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { MAX_PHOTO_BYTES } from "@/lib/media/inspect-photo";
import { tooLargeMessage } from "./upload-limit";

export type PhotoUploadState =
  | { status: "idle" }
  | { status: "uploaded"; message: string; photoId: string }
  | { status: "refused"; message: string };

export type PhotoTextState =
  | { status: "idle" }
  | { status: "saved"; message: string }
  | { status: "invalid"; message: string; fieldErrors?: Record<string, string[] | undefined> };

const LIBRARY_PATH = "/admin/photos";

export async function uploadPhotoAction(_previous: PhotoUploadState, formData: FormData): Promise<PhotoUploadState> {
  const file = formData.get("photo");
  if (!(file instanceof File) || file.size === 0) return { status: "refused", message: "Choose a photo to upload." };
  // Checked before the bytes are copied out of the request.
  const tooLarge = tooLargeMessage(file.size, MAX_PHOTO_BYTES);
  if (tooLarge) return { status: "refused", message: tooLarge };
  try {
    const result = await uploadPhoto({ bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name });
    if (result.status === "rejected") return { status: "refused", message: result.message };
    revalidatePath(LIBRARY_PATH);
    const message = result.alreadyInLibrary
      ? "This photo is already in the library, so it was not added a second time."
      : "Photo uploaded, with its location removed. Write its alt text and caption below before it goes into a story.";
    return { status: "uploaded", message, photoId: result.photo.id };
  } catch (error) {
    if (error instanceof NotAuthorizedError) return { status: "refused", message: error.message };
    throw error;
  }
}

export async function updatePhotoTextAction(_previous: PhotoTextState, formData: FormData): Promise<PhotoTextState> {
  const parsed = photoTextSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { status: "invalid", message: "Some fields need attention.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
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
