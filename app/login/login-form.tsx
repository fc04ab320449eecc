"use client";

import { useActionState } from "react";
import { idle, type FormState } from "@/lib/actions/result";
import { signInAction, type SignInResult } from "./actions";

const FIELD_CLASSES =
  "mt-1 w-full rounded-sm border border-stone-400 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-900";
const BUTTON_CLASSES =
  "w-full rounded-sm bg-stone-900 px-4 py-2 font-semibold text-white disabled:opacity-60 " +
  "dark:bg-stone-100 dark:text-stone-900";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction, pending] = useActionState<FormState<SignInResult>, FormData>(signInAction, idle);
  return (
    <form action={formAction} className="space-y-4 font-sans">
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <div>
        <label htmlFor="email" className="block text-sm font-semibold">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className={FIELD_CLASSES} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-semibold">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={FIELD_CLASSES}
        />
      </div>
      {state.status !== "idle" ? (
        <p
          role="status"
          data-testid="form-error"
          className="rounded-sm bg-red-100 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
        >
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className={BUTTON_CLASSES}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
