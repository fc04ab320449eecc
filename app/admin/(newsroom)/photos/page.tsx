import type { Metadata } from "next";
import Link from "next/link";
import { MissingTextBadge, PhotoThumbnail, photoFacts } from "@/components/admin/photo-details";
import { PhotoGraphicForm } from "@/components/admin/photo-graphic-form";
import { PhotoTextForm } from "@/components/admin/photo-text-form";
import { PhotoUploadForm } from "@/components/admin/photo-upload-form";
import { inputClass } from "@/components/admin/form-field";
import { NewsroomDate } from "@/components/newsroom-date";
import { listPhotos, type PhotoSummary } from "@/db/queries/media";
import { hasRole } from "@/lib/auth/roles";
import { requireStaff } from "@/lib/auth/staff";
import { PHOTO_TEXT_LIMITS } from "@/lib/editor/form-limits";
import { MAX_PHOTO_BYTES } from "@/lib/media/inspect-photo";
import { photoUrl } from "@/lib/media/photo-url";
import type { SentPhoto } from "@/lib/media/send-photo";
import { photoSearchSchema } from "./photo-search";
import { readUploadNotice, uploadNoticeMessage, type UploadNotice } from "./upload-notice";

export const metadata: Metadata = { title: "Photos", robots: { index: false } };

const LIBRARY_PATH = "/admin/photos";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function firstValues(raw: Record<string, string | string[] | undefined>) {
  return Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]),
  );
}

function libraryHref(query: string | undefined, page: number): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${LIBRARY_PATH}?${search}` : LIBRARY_PATH;
}

function LibraryPages({ query, page, totalPages }: { query?: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null;
  return (
    <nav
      aria-label="Pages of photos"
      className="mt-8 flex items-center justify-between border-t border-stone-300 pt-4 text-sm dark:border-stone-700"
    >
      {page > 1 ? (
        <Link href={libraryHref(query, page - 1)} rel="prev" className="font-semibold hover:underline">
          ← Newer photos
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <Link href={libraryHref(query, page + 1)} rel="next" className="font-semibold hover:underline">
          Older photos →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The outcome of an upload posted without JavaScript, as the upload form shows it. */
function uploadOutcome(notice: UploadNotice | null): SentPhoto | null {
  if (!notice) return null;
  const message = uploadNoticeMessage(notice, MAX_PHOTO_BYTES);
  return "photoId" in notice
    ? { status: "uploaded", message, photoId: notice.photoId }
    : { status: "refused", message };
}

/** How the newsroom refers to a photo before it has a caption: the file it came from. */
function photoTitle(photo: PhotoSummary): string {
  return photo.originalName ?? `Photo ${photo.id.slice(0, 8)}`;
}

function LibraryPhoto({ photo, mayMarkGraphic }: { photo: PhotoSummary; mayMarkGraphic: boolean }) {
  const title = photoTitle(photo);
  const headingId = `photo-${photo.id}-title`;
  return (
    <li id={`photo-${photo.id}`} className="scroll-mt-4">
      <article
        aria-labelledby={headingId}
        className="space-y-3 rounded-sm border border-stone-300 p-3 dark:border-stone-700"
      >
        <a href={photoUrl(photo.id)} className="block" target="_blank" rel="noopener">
          <PhotoThumbnail photo={photo} />
          <span className="sr-only">Open {title} full size (new tab)</span>
        </a>
        <div className="space-y-1 text-sm">
          <h3 id={headingId} className="font-semibold break-all">
            {title}
          </h3>
          <p className="text-stone-600 dark:text-stone-400">{photoFacts(photo)}</p>
          {photo.capturedAt ? (
            <p className="text-stone-600 dark:text-stone-400">
              Taken <NewsroomDate date={photo.capturedAt} />
            </p>
          ) : null}
          <MissingTextBadge photo={photo} />
          {photo.graphicWarning ? (
            <p className="font-semibold text-red-900 dark:text-red-300">Graphic: {photo.graphicWarning}</p>
          ) : null}
        </div>
        <PhotoTextForm photo={photo} limits={PHOTO_TEXT_LIMITS} name={title} />
        {mayMarkGraphic ? <PhotoGraphicForm photo={photo} name={title} /> : null}
      </article>
    </li>
  );
}

export default async function PhotoLibraryPage({ searchParams }: Props) {
  const query = firstValues(await searchParams);
  const filter = photoSearchSchema.parse(query);
  const [{ photos, total, totalPages }, staff] = await Promise.all([
    listPhotos({ query: filter.q, page: filter.page }),
    requireStaff(),
  ]);

  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Photos</h1>
      <section
        aria-labelledby="upload-photos"
        className="mb-10 rounded-sm border border-stone-300 p-4 dark:border-stone-700"
      >
        <h2 id="upload-photos" className="mb-3 font-bold">
          Upload photos
        </h2>
        <PhotoUploadForm maxBytes={MAX_PHOTO_BYTES} notice={uploadOutcome(readUploadNotice(query))} />
      </section>
      <section aria-labelledby="photo-library">
        <h2 id="photo-library" className="mb-3 font-bold">
          Library
        </h2>
        <form
          method="get"
          role="search"
          aria-label="Search photos"
          className="mb-4 flex flex-wrap items-end gap-3 text-sm"
        >
          <label className="flex min-w-64 flex-col font-semibold">
            Caption, alt text, camera or file name
            <input type="search" name="q" defaultValue={filter.q ?? ""} maxLength={200} className={inputClass} />
          </label>
          <button type="submit" className="rounded-sm border border-stone-500 px-3 py-2 font-semibold">
            Search photos
          </button>
          {filter.q ? (
            <Link href={LIBRARY_PATH} className="py-2 hover:underline">
              Show all photos
            </Link>
          ) : null}
        </form>
        <p className="mb-4 text-sm text-stone-600 dark:text-stone-400">
          {total} {total === 1 ? "photo" : "photos"}
          {filter.q ? ` matching “${filter.q}”` : ""}
        </p>
        <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {photos.map((photo) => (
            <LibraryPhoto key={photo.id} photo={photo} mayMarkGraphic={hasRole(staff, "editor")} />
          ))}
        </ul>
        <LibraryPages query={filter.q} page={filter.page} totalPages={totalPages} />
      </section>
    </>
  );
}
