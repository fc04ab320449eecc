import type { MdxIssue } from "@/lib/mdx/safety";

export type FieldErrors = Record<string, string[] | undefined>;

/** What was typed, handed back so that a form turned back still shows it (never a password). */
export type TypedValues = Record<string, string>;

/**
 * What every staff action answers, and every admin form shows. A refusal (no session, a role too
 * low) is always "refused"; a story, tag or section someone else removed meanwhile is "not-found".
 */
export type ActionResult<Ok extends object = object, Conflict extends object = object> =
  | ({ status: "ok"; message: string } & Ok)
  | { status: "invalid"; message: string; fieldErrors?: FieldErrors; issues?: MdxIssue[]; values?: TypedValues }
  /** `signedOut`: signing in again would let it through; otherwise the role is too low. */
  | { status: "refused"; message: string; signedOut: boolean; values?: TypedValues }
  | ({ status: "conflict"; message: string; values?: TypedValues } & Conflict)
  | { status: "not-found"; message: string; values?: TypedValues };

/** A form's state before it is first sent. */
export type FormState<Result> = Result | { status: "idle" };

export const idle = { status: "idle" } as const;

/** What was typed into `field`, when the form came back turned back rather than done. */
export function typedValue(state: { status: string; values?: TypedValues }, field: string): string | undefined {
  return state.status === "ok" ? undefined : state.values?.[field];
}
