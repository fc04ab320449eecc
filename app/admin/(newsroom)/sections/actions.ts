"use server";

import { revalidatePath } from "next/cache";
import { expireAllReaderPages } from "@/lib/reader-cache";
import { z } from "zod";
import { createSection, moveSection, updateSection, type TaxonomyResult } from "@/db/queries/taxonomy";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { staffLine, staffText } from "@/lib/editor/staff-text";

/** `values` hands back what was typed, so a refused form still shows it to correct. */
export type SectionFormState =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | { status: "invalid"; message: string; values?: Partial<Record<"name" | "description", string>> };

const STALE_FORM = "This form is out of date: reload the page and try again.";

const sectionFields = {
  name: staffLine()
    .trim()
    .min(1, "Enter a name for the section.")
    .max(80, "Keep the section name to 80 characters or fewer."),
  description: staffText().trim().max(500, "Keep the description to 500 characters or fewer."),
};
const createSchema = z.object(sectionFields);
const updateSchema = z.object({ id: z.uuid(STALE_FORM), ...sectionFields });
const moveSchema = z.object({ id: z.uuid(STALE_FORM), direction: z.enum(["up", "down"], STALE_FORM) });

function firstProblem(error: z.ZodError): string {
  return error.issues[0]?.message ?? STALE_FORM;
}

function submitted(formData: FormData) {
  return { name: String(formData.get("name") ?? ""), description: String(formData.get("description") ?? "") };
}

async function refreshSectionPages() {
  revalidatePath("/admin/sections");
  // Every reader page shows the sections in its navigation.
  await expireAllReaderPages();
}

/** Runs a section change; a refusal becomes a message on the form rather than an error page. */
async function attempt<T extends object>(change: () => Promise<TaxonomyResult<T>>): Promise<TaxonomyResult<T>> {
  try {
    const result = await change();
    if (result.status === "ok") await refreshSectionPages();
    return result;
  } catch (error) {
    if (error instanceof NotAuthorizedError) return { status: "invalid", message: error.message };
    throw error;
  }
}

export async function createSectionAction(_previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const parsed = createSchema.safeParse(Object.fromEntries(formData));
  const values = submitted(formData);
  if (!parsed.success) return { status: "invalid", message: firstProblem(parsed.error), values };
  const result = await attempt(() => createSection(parsed.data));
  if (result.status === "invalid") return { ...result, values };
  return {
    status: "ok",
    message: `Added “${result.section.name}” at the end of the navigation, at /category/${result.section.slug}.`,
  };
}

export async function updateSectionAction(_previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const parsed = updateSchema.safeParse(Object.fromEntries(formData));
  const values = submitted(formData);
  if (!parsed.success) return { status: "invalid", message: firstProblem(parsed.error), values };
  const result = await attempt(() => updateSection(parsed.data));
  if (result.status === "invalid") return { ...result, values };
  return { status: "ok", message: `Saved. The section keeps its address, /category/${result.section.slug}.` };
}

export async function moveSectionAction(_previous: SectionFormState, formData: FormData): Promise<SectionFormState> {
  const parsed = moveSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "invalid", message: firstProblem(parsed.error) };
  const result = await attempt(() => moveSection(parsed.data));
  if (result.status === "invalid") return result;
  return {
    status: "ok",
    message: `Moved “${result.section.name}” ${parsed.data.direction} to place ${result.section.position + 1}.`,
  };
}
