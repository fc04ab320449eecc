import { z } from "zod";
import { staffLine } from "@/lib/editor/staff-text";

/**
 * A search of the library, from the library page's address or from the picker: a bad page number
 * or search reads as none rather than as an error, as an edited address would.
 */
export const photoSearchSchema = z.object({
  // A NUL from the address bar would fail the database query; it is never part of a search.
  q: staffLine().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
