"use client";

import { useActionState } from "react";
import { FormMessage } from "./form-message";
import { changeStaffAccountAction, createStaffAction } from "@/app/admin/(newsroom)/staff/actions";
import type { StaffAccount } from "@/db/queries/staff-accounts";
import { idle, typedValue, type ActionResult, type FormState } from "@/lib/actions/result";
import { STAFF_LIMITS } from "@/lib/editor/form-limits";
import { FormField, inputClass } from "./form-field";

const PRIMARY_BUTTON =
  "rounded-sm bg-stone-900 px-4 py-2 font-semibold text-white disabled:opacity-60 " +
  "dark:bg-stone-100 dark:text-stone-900";

export function NewStaffForm() {
  const [state, formAction, pending] = useActionState<FormState<ActionResult>, FormData>(createStaffAction, idle);
  const errors = state.status === "invalid" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2" aria-label="Add a staff member">
      <FormField id="staff-name" label="Name" errors={errors.name}>
        <input
          id="staff-name"
          name="name"
          required
          maxLength={STAFF_LIMITS.name}
          defaultValue={typedValue(state, "name") ?? ""}
          className={inputClass}
        />
      </FormField>
      <FormField id="staff-email" label="Email" errors={errors.email}>
        <input
          id="staff-email"
          name="email"
          type="email"
          required
          maxLength={STAFF_LIMITS.email}
          defaultValue={typedValue(state, "email") ?? ""}
          className={inputClass}
        />
      </FormField>
      <FormField id="staff-role" label="Role" errors={errors.role}>
        <select id="staff-role" name="role" defaultValue={typedValue(state, "role") || "writer"} className={inputClass}>
          <option value="writer">Writer</option>
          <option value="editor">Editor</option>
          <option value="admin">Administrator</option>
        </select>
      </FormField>
      <FormField
        id="staff-password"
        label="First password"
        hint="8–128 characters; they should change it."
        errors={errors.password}
      >
        <input
          id="staff-password"
          name="password"
          type="password"
          required
          autoComplete="new-password"
          className={inputClass}
        />
      </FormField>
      <div className="sm:col-span-2 space-y-2">
        <FormMessage state={state} testId="new-staff-status" />
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          Add staff member
        </button>
      </div>
    </form>
  );
}

export function StaffAccountRow({ account, isSelf }: { account: StaffAccount; isSelf: boolean }) {
  const [state, formAction, pending] = useActionState<FormState<ActionResult>, FormData>(
    changeStaffAccountAction,
    idle,
  );
  return (
    <tr className="border-b border-stone-200 align-top dark:border-stone-800">
      <td className="py-2 pr-3">
        <span className="font-semibold">{account.name}</span>
        <span className="block text-xs text-stone-500">{account.email}</span>
      </td>
      <td className="pr-3">{account.disabled ? "disabled" : account.canSignIn ? "active" : "byline only"}</td>
      <td className="py-2">
        <form action={formAction} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="id" value={account.id} />
          <label className="sr-only" htmlFor={`role-${account.id}`}>
            Role of {account.name}
          </label>
          <select
            id={`role-${account.id}`}
            name="role"
            defaultValue={account.role}
            className="rounded-sm border border-stone-400 px-2 py-1 dark:bg-stone-900"
          >
            <option value="writer">Writer</option>
            <option value="editor">Editor</option>
            <option value="admin">Administrator</option>
          </select>
          <button
            type="submit"
            name="change"
            value="role"
            disabled={pending}
            className="rounded-sm border border-stone-500 px-2 py-1"
          >
            Change role
          </button>
          {!isSelf ? (
            <button
              type="submit"
              name="change"
              value={account.disabled ? "enable" : "disable"}
              disabled={pending}
              className="rounded-sm border border-stone-500 px-2 py-1"
            >
              {account.disabled ? `Enable ${account.name}` : `Disable ${account.name}`}
            </button>
          ) : null}
          <label className="sr-only" htmlFor={`password-${account.id}`}>
            New password for {account.name}
          </label>
          <input
            id={`password-${account.id}`}
            name="password"
            type="password"
            autoComplete="new-password"
            placeholder="New password"
            className="w-40 rounded-sm border border-stone-400 px-2 py-1 dark:bg-stone-900"
          />
          <button
            type="submit"
            name="change"
            value="password"
            disabled={pending}
            className="rounded-sm border border-stone-500 px-2 py-1"
          >
            Reset password
          </button>
        </form>
        <FormMessage state={state} testId={`staff-status-${account.id}`} />
      </td>
    </tr>
  );
}
