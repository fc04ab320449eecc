import Image from "next/image";
import { photoUrl, THUMBNAIL_WIDTH } from "@/lib/media/photo-url";
import type { PhotoSummary } from "@/db/queries/media";

const BADGE =
  "inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 " +
  "dark:bg-amber-900 dark:text-amber-100";

type Thumbnailed = Pick<PhotoSummary, "id" | "width" | "height">;

/**
 * The 320-pixel published size, already made by /media: next/image is told not
 * to optimise it again. Decorative, because whatever shows it names the photo in text.
 */
export function PhotoThumbnail({ photo, className = "" }: { photo: Thumbnailed; className?: string }) {
  const width = Math.min(THUMBNAIL_WIDTH, photo.width);
  const height = Math.max(1, Math.round((photo.height * width) / photo.width));
  return (
    <Image
      src={photoUrl(photo.id, THUMBNAIL_WIDTH)}
      alt=""
      width={width}
      height={height}
      unoptimized
      className={`aspect-[4/3] w-full rounded-sm bg-stone-200 object-contain dark:bg-stone-800 ${className}`}
    />
  );
}

/** What still stops the photo appearing in a published story, in words; null once nothing does. */
function missingPhotoText(photo: Pick<PhotoSummary, "altText" | "caption">): string | null {
  const missing = [photo.altText.trim() ? null : "alt text", photo.caption.trim() ? null : "caption"].filter(
    (part) => part !== null,
  );
  return missing.length > 0 ? `Needs ${missing.join(" and ")}` : null;
}

export function MissingTextBadge({ photo }: { photo: Pick<PhotoSummary, "altText" | "caption"> }) {
  const missing = missingPhotoText(photo);
  if (!missing) return null;
  return (
    <span className={BADGE} data-testid="photo-needs-text">
      {missing}
    </span>
  );
}

/** "600 × 800 · Canon EOS 5D Mark IV" */
export function photoFacts(photo: Pick<PhotoSummary, "width" | "height" | "camera">): string {
  return [`${photo.width} × ${photo.height}`, photo.camera].filter(Boolean).join(" · ");
}
