import type { FormState, ActionResult } from "@/lib/actions/result";

const OK_COLOURS = "bg-emerald-100 text-emerald-950";
const PROBLEM_COLOURS = "bg-red-100 text-red-950";

/** A session that ended while the form was open: the text typed is still in the form, in this tab. */
export function SignInAgain() {
  return (
    <a href="/login" target="_blank" rel="noopener" className="underline">
      Sign in again in a new tab, then send the form once more.
    </a>
  );
}

/** The one-line outcome of an admin form: green when it worked, red with what to do when not. */
export function FormMessage({ state, testId }: { state: FormState<ActionResult>; testId: string }) {
  if (state.status === "idle" || !state.message) return null;
  return (
    <p
      role="status"
      data-testid={testId}
      className={`mt-2 rounded-sm px-3 py-2 text-sm ${state.status === "ok" ? OK_COLOURS : PROBLEM_COLOURS}`}
    >
      {state.message}
      {state.status === "refused" && state.signedOut ? (
        <>
          {" "}
          <SignInAgain />
        </>
      ) : null}
    </p>
  );
}
