"use client";

import { useActionState } from "react";
import { FormMessage } from "./form-message";
import { createSectionAction, moveSectionAction, updateSectionAction } from "@/app/admin/(newsroom)/sections/actions";
import type { SectionForManagement } from "@/db/queries/taxonomy";
import { idle, typedValue as typed, type ActionResult, type FormState } from "@/lib/actions/result";
import { SECTION_LIMITS } from "@/lib/editor/form-limits";
import { FormField, inputClass } from "./form-field";
import { routes } from "@/lib/routes";

const NEW_SECTION_HINT =
  "The address comes from the name and never changes: " + `“Middle East” lives at ${routes.section("middle-east")}.`;

const button = "rounded-sm border border-stone-500 px-2 py-1 text-sm font-semibold disabled:opacity-60";
const primaryButton =
  "rounded-sm bg-stone-900 px-4 py-2 font-semibold text-white disabled:opacity-60 " +
  "dark:bg-stone-100 dark:text-stone-900";

const AGE_NOTICE_HINT =
  "Stories here older than the newsroom's age (a year unless set otherwise) say “This article is more than … old” " +
  "at the top. Turn it off for stories that do not date, such as explainers.";

/** The box as the writer left it when the form came back refused, otherwise as stored. */
const checkedAsTyped = (state: FormState<ActionResult>, field: string, stored: boolean) => {
  const typedValue = typed(state, field);
  return typedValue === undefined ? stored : typedValue === "on";
};

function AgeNoticeField({ id, defaultChecked }: { id: string; defaultChecked: boolean }) {
  return (
    <div className="flex items-start gap-2 text-sm">
      <input
        id={id}
        name="showsAgeNotice"
        type="checkbox"
        defaultChecked={defaultChecked}
        aria-describedby={`${id}-hint`}
        className="mt-1"
      />
      <div>
        <label htmlFor={id} className="font-semibold">
          Date old stories
        </label>
        <p id={`${id}-hint`} className="text-xs text-stone-600 dark:text-stone-400">
          {AGE_NOTICE_HINT}
        </p>
      </div>
    </div>
  );
}

const useSectionForm = (action: (previous: unknown, formData: FormData) => Promise<ActionResult>) =>
  useActionState<FormState<ActionResult>, FormData>(action, idle);

export function SectionCreateForm() {
  const [state, formAction, pending] = useSectionForm(createSectionAction);
  return (
    <form action={formAction} aria-label="New section" className="space-y-3">
      <FormField id="new-section-name" label="Name" hint={NEW_SECTION_HINT}>
        <input
          id="new-section-name"
          name="name"
          required
          maxLength={SECTION_LIMITS.name}
          defaultValue={typed(state, "name") ?? ""}
          aria-describedby="new-section-name-hint"
          className={inputClass}
        />
      </FormField>
      <FormField
        id="new-section-description"
        label="Description"
        hint="One sentence for the section page and search results."
      >
        <textarea
          id="new-section-description"
          name="description"
          rows={2}
          maxLength={SECTION_LIMITS.description}
          defaultValue={typed(state, "description") ?? ""}
          aria-describedby="new-section-description-hint"
          className={inputClass}
        />
      </FormField>
      <AgeNoticeField id="new-section-age-notice" defaultChecked={checkedAsTyped(state, "showsAgeNotice", true)} />
      <button type="submit" disabled={pending} className={primaryButton}>
        Add section
      </button>
      <FormMessage state={state} testId="new-section-status" />
    </form>
  );
}

export function SectionEditForm({ section }: { section: SectionForManagement }) {
  const [state, formAction, pending] = useSectionForm(updateSectionAction);
  const fieldId = (field: string) => `section-${section.id}-${field}`;
  return (
    <details>
      <summary className="cursor-pointer text-sm underline">
        Edit<span className="sr-only"> {section.name}</span>
      </summary>
      <form action={formAction} className="mt-2 max-w-xl space-y-3">
        <input type="hidden" name="id" value={section.id} />
        <FormField
          id={fieldId("name")}
          label="Name"
          hint={`Renaming keeps the address ${routes.section(section.slug)}.`}
        >
          <input
            id={fieldId("name")}
            name="name"
            required
            maxLength={SECTION_LIMITS.name}
            defaultValue={typed(state, "name") ?? section.name}
            aria-describedby={fieldId("name-hint")}
            className={inputClass}
          />
        </FormField>
        <FormField id={fieldId("description")} label="Description">
          <textarea
            id={fieldId("description")}
            name="description"
            rows={2}
            maxLength={SECTION_LIMITS.description}
            defaultValue={typed(state, "description") ?? section.description}
            className={inputClass}
          />
        </FormField>
        <AgeNoticeField
          id={fieldId("age-notice")}
          defaultChecked={checkedAsTyped(state, "showsAgeNotice", section.showsAgeNotice)}
        />
        <button type="submit" disabled={pending} className={button}>
          Save<span className="sr-only"> {section.name}</span>
        </button>
        <FormMessage state={state} testId={`edit-status-${section.id}`} />
      </form>
    </details>
  );
}

/** The first section cannot go up nor the last down, so those buttons are left out rather than offered and refused. */
export function SectionMoveButtons({
  section,
  isFirst,
  isLast,
}: {
  section: SectionForManagement;
  isFirst: boolean;
  isLast: boolean;
}) {
  const [state, formAction, pending] = useSectionForm(moveSectionAction);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={section.id} />
      <div className="flex gap-2">
        {isFirst ? null : (
          <button type="submit" name="direction" value="up" disabled={pending} className={button}>
            Move<span className="sr-only"> {section.name}</span> up
          </button>
        )}
        {isLast ? null : (
          <button type="submit" name="direction" value="down" disabled={pending} className={button}>
            Move<span className="sr-only"> {section.name}</span> down
          </button>
        )}
      </div>
      <FormMessage state={state} testId={`move-status-${section.id}`} />
    </form>
  );
}
