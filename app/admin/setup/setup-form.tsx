"use client";

import { useActionState } from "react";
import { FormField, inputClass } from "@/components/admin/form-field";
import { createFirstAdministratorAction, type SetupState } from "./actions";

export function SetupForm() {
  const [state, formAction, pending] = useActionState<SetupState, FormData>(createFirstAdministratorAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4 font-sans">
      <FormField id="name" label="Your name" errors={errors.name}>
        <input
          id="name"
          name="name"
          required
          defaultValue={state.values?.name}
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
          defaultValue={state.values?.email}
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
      {state.error ? (
        <p role="status" data-testid="form-error" className="rounded-sm bg-red-100 px-3 py-2 text-sm text-red-900">
          {state.error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-sm bg-stone-900 px-4 py-2 font-semibold text-white disabled:opacity-60 dark:bg-stone-100 dark:text-stone-900"
      >
        {pending ? "Creating the account…" : "Create the administrator account"}
      </button>
    </form>
  );
}
