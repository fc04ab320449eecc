import "server-only";

import { parse } from "exifr";

export interface PhotoExif {
  make: string | null;
  model: string | null;
  capturedAt: Date | null;
}

const NO_EXIF: PhotoExif = { make: null, model: null, capturedAt: null };

// sharp hands JPEG and WebP EXIF over with the APP1 "Exif\0\0" header still on; PNG's comes without.
const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00] as const;

const EXIF_DATE_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const EXIF_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/**
 * Reads camera and capture time from the EXIF block sharp's `metadata().exif`
 * returns. exifr is given that block rather than the whole file because it
 * cannot find EXIF inside WebP, and sharp already located it for every format
 * we accept. Broken EXIF costs the caption, never the upload.
 */
export async function readPhotoExif(exif: Uint8Array | undefined): Promise<PhotoExif> {
  if (!exif || exif.length === 0) return NO_EXIF;
  let tags: unknown;
  try {
    tags = await parse(withoutExifHeader(exif), {
      pick: ["Make", "Model", "DateTimeOriginal", "OffsetTimeOriginal"],
      // exifr would read the zone-less date in the server's own zone; parseExifDateTime decides instead.
      reviveValues: false,
    });
  } catch {
    return NO_EXIF;
  }
  return {
    make: stringTag(tags, "Make"),
    model: stringTag(tags, "Model"),
    capturedAt: parseExifDateTime(stringTag(tags, "DateTimeOriginal"), stringTag(tags, "OffsetTimeOriginal")),
  };
}

/**
 * "2024:03:15 14:22:05" is the camera's wall clock with no zone. With an
 * OffsetTimeOriginal ("+01:00") it is an exact instant; without one it is read
 * as UTC, so the answer is at most a few hours out but never depends on which
 * server did the reading. Unset clocks ("0000:00:00 00:00:00") give null.
 */
export function parseExifDateTime(dateTime: string | null, offset: string | null): Date | null {
  const parts = dateTime?.trim().match(EXIF_DATE_TIME);
  if (!parts) return null;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
  if (year === undefined || month === undefined || day === undefined) return null;
  if (hour === undefined || minute === undefined || second === undefined) return null;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  const instant = new Date(wallClock - offsetMinutes(offset) * 60_000);
  return isSameWallClock(new Date(wallClock), [year, month, day, hour, minute, second]) ? instant : null;
}

/** Date.UTC rolls "February 30" into March; a calendar-impossible date is a broken tag, not a date. */
function isSameWallClock(date: Date, [year, month, day, hour, minute, second]: number[]): boolean {
  return (
    year !== 0 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === (month ?? 0) - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

function offsetMinutes(offset: string | null): number {
  const parts = offset?.trim().match(EXIF_OFFSET);
  if (!parts) return 0;
  const [, sign, hours, minutes] = parts;
  const magnitude = Number(hours) * 60 + Number(minutes);
  return sign === "-" ? -magnitude : magnitude;
}

function withoutExifHeader(exif: Uint8Array): Uint8Array {
  const hasHeader = EXIF_HEADER.every((byte, index) => exif[index] === byte);
  return hasHeader ? exif.subarray(EXIF_HEADER.length) : exif;
}

function stringTag(tags: unknown, name: string): string | null {
  if (typeof tags !== "object" || tags === null) return null;
  const value: unknown = (tags as Record<string, unknown>)[name];
  return typeof value === "string" && value.trim() !== "" ? value : null;
}
