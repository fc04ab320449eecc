export const PHOTO_UPLOAD_ENDPOINT = "/api/photos";

/** A photo the library holds, as a story's <Figure> needs it; caption and alt text are the library's. */
export type UploadedPhoto = {
  id: string;
  width: number;
  height: number;
  caption: string;
  altText: string;
  camera: string | null;
};

/**
 * An upload's outcome as the library page shows it. A form posted without JavaScript comes back
 * with only the photo's id, so the photo itself is in what sendPhoto answers, not here.
 */
export type SentPhoto =
  { status: "uploaded"; message: string; photoId: string } | { status: "refused"; message: string };

/** What sendPhoto answers: the outcome and, for an uploaded photo, the photo itself. */
export type SentPhotoWithDetails =
  | { status: "uploaded"; message: string; photoId: string; photo: UploadedPhoto }
  | { status: "refused"; message: string };

type Answer = { message?: unknown; detail?: unknown; photo?: unknown } | null;

const isPixelCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value > 0;

// Read field by field rather than with zod: this runs in the browser, whose bundle does without it.
function uploadedPhoto(photo: unknown): UploadedPhoto | null {
  if (typeof photo !== "object" || photo === null) return null;
  const { id, width, height, caption, altText, camera } = photo as Partial<Record<keyof UploadedPhoto, unknown>>;
  if (typeof id !== "string" || id === "" || !isPixelCount(width) || !isPixelCount(height)) return null;
  if (typeof caption !== "string" || typeof altText !== "string") return null;
  if (camera !== null && typeof camera !== "string") return null;
  return { id, width, height, caption, altText, camera };
}

function outcome(status: number, answer: Answer): SentPhotoWithDetails {
  if (status === 200 || status === 201) {
    const photo = uploadedPhoto(answer?.photo);
    if (!photo) {
      return {
        status: "refused",
        message:
          "The server's answer did not describe the photo, so it may not have been uploaded. " +
          "Look for it in the photo library before trying again.",
      };
    }
    return { status: "uploaded", photoId: photo.id, photo, message: String(answer?.message ?? "Photo uploaded.") };
  }
  // A refusal from the app names the problem; one from a proxy in between (413, 502) has no JSON.
  if (typeof answer?.detail === "string") return { status: "refused", message: answer.detail };
  return {
    status: "refused",
    message: `The photo was not uploaded (the server answered ${status}). Try again in a moment.`,
  };
}

/**
 * Sends a form holding a `photo` file to POST /api/photos. XMLHttpRequest rather than fetch: only
 * it reports how much of the body has gone, which matters for a 25 MB photo on a slow line.
 * `onProgress` gets the share sent, from 0 to 1, or null when the browser cannot tell.
 */
export function sendPhoto(
  form: FormData,
  onProgress: (shareSent: number | null) => void,
): Promise<SentPhotoWithDetails> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", PHOTO_UPLOAD_ENDPOINT);
    request.setRequestHeader("Accept", "application/json");
    request.responseType = "json";
    request.upload.addEventListener("progress", (event) =>
      onProgress(event.lengthComputable ? event.loaded / event.total : null),
    );
    request.addEventListener("load", () => resolve(outcome(request.status, request.response as Answer)));
    request.addEventListener("error", () =>
      resolve({
        status: "refused",
        message: "The connection was lost before the photo arrived. Check the connection and try again.",
      }),
    );
    request.addEventListener("abort", () =>
      resolve({ status: "refused", message: "The upload was stopped before the photo arrived." }),
    );
    request.send(form);
  });
}
