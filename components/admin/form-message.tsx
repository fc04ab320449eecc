/** The one-line outcome of an admin form: green when it worked, red with what to do when not. */
export function FormMessage({ state, testId }: { state: { status: string; message?: string }; testId: string }) {
  if (state.status === "idle" || !state.message) return null;
  return (
    <p
      role="status"
      data-testid={testId}
      className={`mt-2 rounded-sm px-3 py-2 text-sm ${state.status === "ok" ? "bg-emerald-100 text-emerald-950" : "bg-red-100 text-red-950"}`}
    >
      {state.message}
    </p>
  );
}
