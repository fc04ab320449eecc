"use server";

import type { z } from "zod";
import { changeStaffRole, createStaffAccount, resetStaffPassword, setStaffDisabled } from "@/db/queries/staff-accounts";
import { staffAction } from "@/lib/actions/staff-action";
import { accountChangeSchema, newStaffSchema } from "@/lib/editor/staff-form";

const STAFF_PAGE = "/admin/staff";

/** The password is never handed back: a turned-back form shows the rest of what was typed. */
export const createStaffAction = staffAction({
  role: "admin",
  schema: newStaffSchema,
  echo: ["name", "email", "role"],
  invalidMessage: "Some fields need attention.",
  run: async (input) => {
    const staff = await createStaffAccount(input);
    const message =
      `${staff.name} can now sign in as ${staff.role}. ` +
      "Give them their password in person or by phone, not by email.";
    return { status: "ok", message, refresh: STAFF_PAGE };
  },
});

async function changeAccount(change: z.output<typeof accountChangeSchema>): Promise<string> {
  switch (change.change) {
    case "role":
      await changeStaffRole({ id: change.id, role: change.role });
      return `Role changed to ${change.role}; their current session has ended.`;
    case "disable":
      await setStaffDisabled({ id: change.id, disabled: true });
      return "Account disabled; it lost access at once.";
    case "enable":
      await setStaffDisabled({ id: change.id, disabled: false });
      return "Account enabled.";
    case "password":
      await resetStaffPassword({ id: change.id, password: change.password });
      return "Password reset; every session of that account has ended.";
  }
}

export const changeStaffAccountAction = staffAction({
  role: "admin",
  schema: accountChangeSchema,
  run: async (input) => ({ status: "ok", message: await changeAccount(input), refresh: STAFF_PAGE }),
});
