export const PHOTO_UPLOAD_ENDPOINT = "/api/photos";

export type SentPhoto =
  { status: "uploaded"; message: string; photoId: string } | { status: "refused"; message: string };

type Answer = { message?: unknown; detail?: unknown; photo?: { id?: unknown } } | null;

function outcome(status: number, answer: Answer): SentPhoto {
  const photoId = answer?.photo?.id;
  if ((status === 200 || status === 201) && typeof photoId === "string") {
    return { status: "uploaded", photoId, message: String(answer?.message ?? "Photo uploaded.") };
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
export function sendPhoto(form: FormData, onProgress: (shareSent: number | null) => void): Promise<SentPhoto> {
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
