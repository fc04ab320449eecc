import "server-only";
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { NotFoundError } from "@/db/queries/errors";
import { SetupAlreadyDoneError, StaffAccountExistsError } from "@/db/queries/staff";
import type { Staff, StaffRole } from "@/lib/auth/roles";
import { NotAuthorizedError, requireStaff } from "@/lib/auth/staff";
import type { ReaderTag } from "@/lib/cache-tags";
import { expireReaderTags } from "@/lib/reader-cache";
import type { ActionResult, TypedValues } from "./result";

/** What a successful action leaves behind it, done by the kit once the data-access call has committed. */
export type AfterSuccess = {
  /** The reader pages and documents the write touched, expired in one call. */
  expired?: readonly ReaderTag[];
  /** Staff pages whose lists changed. */
  refresh?: string;
  /** Where to send the browser instead of answering the form. */
  redirectTo?: string;
};

/** What an action's `run` answers: its result, and on success what the kit does after it. */
export type Outcome<Ok extends object = object, Conflict extends object = object> = ActionResult<Ok, Conflict> &
  AfterSuccess;

/**
 * The one place an error from the data-access layer becomes an answer. Anything else is a fault
 * and still throws (to app/admin/error.tsx), as does Next's own redirect.
 */
export function resultForError(error: unknown): ActionResult | null {
  if (error instanceof NotAuthorizedError)
    return { status: "refused", message: error.message, signedOut: error.reason === "signed-out" };
  if (error instanceof NotFoundError) return { status: "not-found", message: error.message };
  if (error instanceof StaffAccountExistsError) return { status: "invalid", message: error.message };
  if (error instanceof SetupAlreadyDoneError) return { status: "refused", message: error.message, signedOut: false };
  return null;
}

/**
 * For staff pages, through the same mapping: a refusal becomes what the page shows instead of its
 * content, and a record that is gone the staff area's "not found" page.
 */
export async function refusedOr<T>(load: () => Promise<T>): Promise<T | { refused: string }> {
  try {
    return await load();
  } catch (error) {
    const result = resultForError(error);
    if (result?.status === "refused") return { refused: result.message };
    if (result?.status === "not-found") notFound();
    throw error;
  }
}

const STALE_FORM = "This form is out of date: reload the page and try again.";

/**
 * A staff form's server action, in the spirit of saas-starter's `validatedActionWithUser`: the
 * caller's role is checked, the form is parsed with `schema`, and `run` makes the one data-access
 * call (which checks the caller again: the data layer decides). Errors are mapped in one place,
 * reader pages are expired once, and `echo` names the fields a turned-back form shows again.
 */
export function staffAction<Schema extends z.ZodType, Ok extends object = object, Conflict extends object = object>({
  role,
  schema,
  echo = [],
  invalidMessage,
  run,
}: {
  /** The lowest role that may send the form; null for the first-run setup, before anyone can sign in. */
  role: StaffRole | null;
  schema: Schema;
  echo?: readonly string[];
  /** Said above the field errors; left out, the first problem found is said. */
  invalidMessage?: string;
  run: (input: z.output<Schema>, staff: Staff | null) => Promise<Outcome<Ok, Conflict>>;
}) {
  return async (_previous: unknown, formData: FormData): Promise<ActionResult<Ok, Conflict>> => {
    const values: TypedValues = Object.fromEntries(echo.map((field) => [field, String(formData.get(field) ?? "")]));
    const withValues = <Result extends object>(result: Result) => (echo.length > 0 ? { ...result, values } : result);
    let outcome: Outcome<Ok, Conflict>;
    try {
      const staff = role ? await requireStaff(role) : null;
      const parsed = schema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) {
        return withValues({
          status: "invalid",
          message: invalidMessage ?? parsed.error.issues[0]?.message ?? STALE_FORM,
          fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>,
        });
      }
      outcome = await run(parsed.data, staff);
    } catch (error) {
      const result = resultForError(error);
      if (!result) throw error;
      return withValues(result) as ActionResult<Ok, Conflict>;
    }
    if (outcome.status !== "ok") return outcome.status === "invalid" ? withValues(outcome) : outcome;
    const { expired, refresh, redirectTo, ...result } = outcome;
    if (expired && expired.length > 0) await expireReaderTags(expired);
    if (refresh) revalidatePath(refresh);
    if (redirectTo) redirect(redirectTo);
    return result as ActionResult<Ok, Conflict>;
  };
}

type TurnedBack = Exclude<ActionResult, { status: "ok" }>;

/**
 * The same kit for a plain `<form action>` (a button with no message area: trash, restore), which
 * answers with a page rather than a result: success goes where `run` says, a signed-out caller to
 * the sign-in page, and any other outcome to the page `turnedBack` names for it.
 */
export function staffFormAction<Schema extends z.ZodType>({
  turnedBack,
  ...config
}: Omit<Parameters<typeof staffAction<Schema>>[0], "echo" | "invalidMessage"> & {
  turnedBack: (result: TurnedBack, formData: FormData) => string;
}) {
  const act = staffAction(config);
  return async (formData: FormData): Promise<void> => {
    const result = await act(undefined, formData);
    if (result.status === "ok") return;
    redirect(result.status === "refused" && result.signedOut ? "/login" : turnedBack(result, formData));
  };
}
