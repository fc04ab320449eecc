// Rounded up so a file just over the limit never reads as exactly the limit.
const megabytes = (byteCount: number) => (Math.ceil((byteCount / (1024 * 1024)) * 10) / 10).toString();

/**
 * Why a file is refused on its size alone, in the same words whether the browser
 * notices before sending it or the server notices before reading it. Null when it fits.
 */
export function tooLargeMessage(byteCount: number, maxBytes: number): string | null {
  if (byteCount <= maxBytes) return null;
  return (
    `This file is ${megabytes(byteCount)} MB; photos can be at most ${megabytes(maxBytes)} MB. ` +
    "Export a smaller JPEG and upload that."
  );
}
