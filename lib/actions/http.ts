import "server-only";
import { NotFoundError } from "@/db/queries/errors";
import { NotAuthorizedError } from "@/lib/auth/staff";

const NO_STORE = { "Cache-Control": "no-store" };

/** An RFC 9457-style problem answer, never cached. */
export const problem = (status: number, detail: string, extra: Record<string, unknown> = {}) =>
  Response.json({ status, detail, ...extra }, { status, headers: NO_STORE });

/**
 * The staff API's counterpart of the actions' mapping: a refusal is 401 (signed out) or 403, a
 * record that is gone 404; anything else is a fault and still throws.
 */
export function problemFor(error: unknown): Response {
  if (error instanceof NotAuthorizedError) return problem(error.reason === "signed-out" ? 401 : 403, error.message);
  if (error instanceof NotFoundError) return problem(404, error.message);
  throw error;
}
