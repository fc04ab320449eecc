import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Staff } from "@/lib/auth/roles";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { closeDatabase, databaseDriver, migrateDatabase } from "../client";
import { listNewsroomArticles } from "./newsroom-articles";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine, verifyStaffCredentials } from "./staff";
import { changeStaffRole, createStaffAccount, listAuditLog, listStaffAccounts, resetStaffPassword, setStaffDisabled } from "./staff-accounts";
import { findSessionStaff } from "./staff";

import { session } from "@/test/staff-session";
vi.mock("@/lib/auth", () => import("@/test/staff-session"));

const PASSWORD = "a long and unusual passphrase";
const people: Record<string, Staff> = {};

/** Signs in as the account as it is now, like a fresh sign-in would. */
async function signInAs(name: string | null) {
  if (!name) return void (session.current = null);
  const staff = await findSessionStaff({ id: people[name]!.id });
  session.current = { user: { id: staff!.id, role: staff!.role, sessionVersion: staff!.sessionVersion } };
}

async function refused(run: () => Promise<unknown>) {
  return run().then(
    () => false,
    (error) => {
      if (error instanceof NotAuthorizedError) return true;
      throw error;
    },
  );
}

describe(`staff accounts on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    people.admin = await createFirstAdministrator({ name: "Ada", email: "ada@newsroom.example", password: PASSWORD });
    people.editor = await provisionStaffAccountFromCommandLine({ name: "Ed", email: "ed@newsroom.example", role: "editor", password: PASSWORD });
    people.writer = await provisionStaffAccountFromCommandLine({ name: "Wren", email: "wren@newsroom.example", role: "writer", password: PASSWORD });
  });
  beforeEach(() => signInAs(null));
  afterAll(() => closeDatabase());

  it("lets only administrators list and manage staff", async () => {
    for (const who of [null, "writer", "editor"]) {
      await signInAs(who);
      expect(await refused(() => listStaffAccounts()), String(who)).toBe(true);
      expect(await refused(() => createStaffAccount({ name: "X", email: `x-${who}@newsroom.example`, role: "admin", password: PASSWORD }))).toBe(true);
      expect(await refused(() => setStaffDisabled({ id: people.writer!.id, disabled: true }))).toBe(true);
      expect(await refused(() => resetStaffPassword({ id: people.writer!.id, password: PASSWORD }))).toBe(true);
      expect(await refused(() => changeStaffRole({ id: people.writer!.id, role: "admin" }))).toBe(true);
      expect(await refused(() => listAuditLog({ page: 1 }))).toBe(true);
    }
    await signInAs("admin");
    const accounts = await listStaffAccounts();
    expect(accounts.map((a) => a.email)).toEqual(expect.arrayContaining(["ada@newsroom.example", "ed@newsroom.example"]));
    expect(accounts[0]).not.toHaveProperty("passwordHash");
  });

  it("ends a disabled account's session at its next request", async () => {
    await signInAs("writer");
    await expect(listNewsroomArticles({ page: 1 })).resolves.toBeTruthy();
    const stale = session.current;
    await signInAs("admin");
    await setStaffDisabled({ id: people.writer!.id, disabled: true });
    session.current = stale;
    await expect(listNewsroomArticles({ page: 1 })).rejects.toThrow(NotAuthorizedError);
    await expect(verifyStaffCredentials({ email: "wren@newsroom.example", password: PASSWORD })).resolves.toBeNull();
    await signInAs("admin");
    await setStaffDisabled({ id: people.writer!.id, disabled: false });
  });

  it("ends every session of an account whose password is reset", async () => {
    await signInAs("editor");
    const stale = session.current;
    await signInAs("admin");
    await resetStaffPassword({ id: people.editor!.id, password: "another long passphrase" });
    session.current = stale;
    await expect(listNewsroomArticles({ page: 1 })).rejects.toThrow(NotAuthorizedError);
    await expect(verifyStaffCredentials({ email: "ed@newsroom.example", password: "another long passphrase" })).resolves.toMatchObject({ role: "editor" });
  });

  it("never disables or demotes the last active administrator", async () => {
    await signInAs("admin");
    await expect(setStaffDisabled({ id: people.admin!.id, disabled: true })).rejects.toThrow(/last active administrator/);
    await expect(changeStaffRole({ id: people.admin!.id, role: "editor" })).rejects.toThrow(/last active administrator/);
  });

  it("records who did what in the audit log", async () => {
    await signInAs("admin");
    await changeStaffRole({ id: people.writer!.id, role: "editor" });
    const [latest] = await listAuditLog({ page: 1 });
    expect(latest).toMatchObject({ action: "staff.role-changed", entityId: people.writer!.id, actorName: "Ada", detail: { role: "editor" } });
  });
});
