"use client";

import { useActionState } from "react";
import { FormField, inputClass } from "@/components/admin/form-field";
import { FormMessage } from "@/components/admin/form-message";
import { idle, typedValue, type ActionResult, type FormState } from "@/lib/actions/result";
import { createFirstAdministratorAction } from "./actions";

const SUBMIT_CLASSES =
  "w-full rounded-sm bg-stone-900 px-4 py-2 font-semibold text-white disabled:opacity-60 " +
  "dark:bg-stone-100 dark:text-stone-900";

export function SetupForm() {
  const [state, formAction, pending] = useActionState<FormState<ActionResult>, FormData>(
    createFirstAdministratorAction,
    idle,
  );
  const errors = state.status === "invalid" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-4 font-sans">
      <FormField id="name" label="Your name" errors={errors.name}>
        <input
          id="name"
          name="name"
          required
          defaultValue={typedValue(state, "name")}
          autoComplete="name"
          className={inputClass}
        />
      </FormField>
      <FormField id="email" label="Email" errors={errors.email}>
        <input
          id="email"
          name="email"
          type="email"
          required
          defaultValue={typedValue(state, "email")}
          autoComplete="username"
          className={inputClass}
        />
      </FormField>
      <FormField
        id="password"
        label="Password"
        hint="8 to 128 characters; not a common password."
        errors={errors.password}
      >
        <input
          id="password"
          name="password"
          type="password"
          required
          minLength={8}
          maxLength={128}
          autoComplete="new-password"
          className={inputClass}
        />
      </FormField>
      <FormField id="confirmPassword" label="Password again" errors={errors.confirmPassword}>
        <input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          required
          autoComplete="new-password"
          className={inputClass}
        />
      </FormField>
      {state.status === "refused" ? <FormMessage state={state} testId="form-error" /> : null}
      <button type="submit" disabled={pending} className={SUBMIT_CLASSES}>
        {pending ? "Creating the account…" : "Create the administrator account"}
      </button>
    </form>
  );
}
