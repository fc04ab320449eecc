"use server";

import { createSection, moveSection, updateSection } from "@/db/queries/taxonomy";
import { staffAction, type Outcome } from "@/lib/actions/staff-action";
import { createSectionSchema, moveSectionSchema, updateSectionSchema } from "@/lib/editor/section-form";
import { routes } from "@/lib/routes";

const SECTIONS_PAGE = "/admin/sections";

export const createSectionAction = staffAction({
  role: "editor",
  schema: createSectionSchema,
  echo: ["name", "description", "showsAgeNotice"],
  run: async (input): Promise<Outcome> => {
    const result = await createSection(input);
    if (result.status !== "ok") return result;
    const { section, expired } = result;
    const message = `Added “${section.name}” at the end of the navigation, at ${routes.section(section.slug)}.`;
    return { status: "ok", message, expired, refresh: SECTIONS_PAGE };
  },
});

export const updateSectionAction = staffAction({
  role: "editor",
  schema: updateSectionSchema,
  echo: ["name", "description", "showsAgeNotice"],
  run: async (input): Promise<Outcome> => {
    const result = await updateSection(input);
    if (result.status !== "ok") return result;
    const { section, expired } = result;
    const message = `Saved. The section keeps its address, ${routes.section(section.slug)}.`;
    return { status: "ok", message, expired, refresh: SECTIONS_PAGE };
  },
});

export const moveSectionAction = staffAction({
  role: "editor",
  schema: moveSectionSchema,
  run: async (input): Promise<Outcome> => {
    const result = await moveSection(input);
    if (result.status !== "ok") return result;
    const { section, expired } = result;
    const message = `Moved “${section.name}” ${input.direction} to place ${section.position + 1}.`;
    return { status: "ok", message, expired, refresh: SECTIONS_PAGE };
  },
});
