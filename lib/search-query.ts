import { z } from "zod";

export const MAX_SEARCH_QUERY_LENGTH = 200;

const querySchema = z
  .string()
  // Control characters are never words; a NUL, which PostgreSQL cannot take as text, would fail the search.
  .overwrite((value) => value.replace(/[\u0000-\u001f\u007f]/g, " "))
  .trim()
  .min(1, "Type a word or phrase to search the stories.")
  .max(MAX_SEARCH_QUERY_LENGTH, `Searches are limited to ${MAX_SEARCH_QUERY_LENGTH} characters; shorten yours.`);

export type SearchQuery = { ok: true; text: string } | { ok: false; message: string };

export function parseSearchQuery(value: string | string[] | undefined): SearchQuery {
  const parsed = querySchema.safeParse(Array.isArray(value) ? value[0] : (value ?? ""));
  if (parsed.success) return { ok: true, text: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? "Type a word or phrase to search the stories." };
}
