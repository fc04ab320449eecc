import type { ReactNode } from "react";

export const inputClass =
  "mt-1 w-full rounded-sm border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-900";

/** A labelled control with its hint and its errors, tied together for screen readers. */
export function FormField({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-500 dark:text-stone-400">
          {hint}
        </p>
      ) : null}
      {children}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800 dark:text-red-300" data-testid={`${id}-error`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
