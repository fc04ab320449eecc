import { z } from "zod";

const pageSchema = z.coerce.number().int().min(1).max(100_000);

/** `?page=` as a page number; null for anything that is not one, which the page turns into a 404. */
export function parsePageParam(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  const parsed = pageSchema.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : null;
}

/** A reader list's `/before/{cursor}` segment: a story id, or null (a 404) for anything else. */
export function parseArticleCursor(value: string): string | null {
  const parsed = z.uuid().safeParse(value);
  return parsed.success ? parsed.data : null;
}
