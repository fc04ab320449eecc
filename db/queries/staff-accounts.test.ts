import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Staff } from "@/lib/auth/roles";
import { NotAuthorizedError } from "@/lib/auth/staff";
import { and, count, eq, isNotNull } from "drizzle-orm";
import { closeDatabase, databaseDriver, getDb, migrateDatabase } from "../client";
import { users } from "../schema";
import { listNewsroomArticles } from "./newsroom-articles";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine, verifyStaffCredentials } from "./staff";
import {
  changeStaffRole,
  createStaffAccount,
  listAuditLog,
  listStaffAccounts,
  resetStaffPassword,
  setStaffDisabled,
} from "./staff-accounts";
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
    people.editor = await provisionStaffAccountFromCommandLine({
      name: "Ed",
      email: "ed@newsroom.example",
      role: "editor",
      password: PASSWORD,
    });
    people.writer = await provisionStaffAccountFromCommandLine({
      name: "Wren",
      email: "wren@newsroom.example",
      role: "writer",
      password: PASSWORD,
    });
  });
  beforeEach(() => signInAs(null));
  afterAll(() => closeDatabase());

  it("lets only administrators list and manage staff", async () => {
    for (const who of [null, "writer", "editor"]) {
      await signInAs(who);
      expect(await refused(() => listStaffAccounts()), String(who)).toBe(true);
      expect(
        await refused(() =>
          createStaffAccount({ name: "X", email: `x-${who}@newsroom.example`, role: "admin", password: PASSWORD }),
        ),
      ).toBe(true);
      expect(await refused(() => setStaffDisabled({ id: people.writer!.id, disabled: true }))).toBe(true);
      expect(await refused(() => resetStaffPassword({ id: people.writer!.id, password: PASSWORD }))).toBe(true);
      expect(await refused(() => changeStaffRole({ id: people.writer!.id, role: "admin" }))).toBe(true);
      expect(await refused(() => listAuditLog({ page: 1 }))).toBe(true);
    }
    await signInAs("admin");
    const accounts = await listStaffAccounts();
    expect(accounts.map((a) => a.email)).toEqual(
      expect.arrayContaining(["ada@newsroom.example", "ed@newsroom.example"]),
    );
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
    await expect(
      verifyStaffCredentials({ email: "ed@newsroom.example", password: "another long passphrase" }),
    ).resolves.toMatchObject({ role: "editor" });
  });

  it("never disables or demotes the last active administrator", async () => {
    await signInAs("admin");
    await expect(setStaffDisabled({ id: people.admin!.id, disabled: true })).rejects.toThrow(
      /last active administrator/,
    );
    await expect(changeStaffRole({ id: people.admin!.id, role: "editor" })).rejects.toThrow(
      /last active administrator/,
    );
  });

  describe("two administrators removing each other at the same moment", () => {
    async function activeAdministrators(): Promise<number> {
      const [row] = await getDb()
        .select({ total: count() })
        .from(users)
        .where(and(eq(users.role, "admin"), eq(users.disabled, false), isNotNull(users.passwordHash)));
      return row?.total ?? 0;
    }

    /** Each administrator's change starts under their own session before either has finished. */
    async function atOnce(change: (otherId: string) => Promise<unknown>) {
      await signInAs("admin");
      const byAda = change(people.secondAdmin!.id);
      await signInAs("secondAdmin");
      const byGrace = change(people.admin!.id);
      return Promise.allSettled([byAda, byGrace]);
    }

    async function bothAdministratorsAgain() {
      await getDb()
        .update(users)
        .set({ role: "admin", disabled: false })
        .where(eq(users.email, "ada@newsroom.example"));
      await getDb()
        .update(users)
        .set({ role: "admin", disabled: false })
        .where(eq(users.email, "grace@newsroom.example"));
    }

    beforeAll(async () => {
      people.secondAdmin = await provisionStaffAccountFromCommandLine({
        name: "Grace",
        email: "grace@newsroom.example",
        role: "admin",
        password: PASSWORD,
      });
    });
    afterEach(bothAdministratorsAgain);

    it.each([
      ["demote", (otherId: string) => changeStaffRole({ id: otherId, role: "editor" })],
      ["disable", (otherId: string) => setStaffDisabled({ id: otherId, disabled: true })],
    ] as const)("lets exactly one of them %s the other, and one active administrator remains", async (_, change) => {
      // A race that the lock did not close would show within a few rounds; each round starts afresh.
      for (let round = 0; round < 5; round += 1) {
        await bothAdministratorsAgain();
        expect(await activeAdministrators()).toBe(2);
        const outcomes = await atOnce(change);
        expect(
          outcomes.filter((outcome) => outcome.status === "fulfilled"),
          `round ${round}`,
        ).toHaveLength(1);
        const [refusal] = outcomes.filter((outcome) => outcome.status === "rejected");
        expect(refusal?.reason).toBeInstanceOf(NotAuthorizedError);
        // Refused by the lock; or, when the winner got there first, by the loser's ended session
        // (disabled) or by the loser no longer being an administrator (demoted).
        expect(refusal?.reason.message).toMatch(
          /last active administrator|Sign in to continue|Only administrators may do this/,
        );
        expect(await activeAdministrators(), `round ${round}`).toBe(1);
      }
    });
  });

  it("records who did what in the audit log", async () => {
    await signInAs("admin");
    await changeStaffRole({ id: people.writer!.id, role: "editor" });
    const [latest] = await listAuditLog({ page: 1 });
    expect(latest).toMatchObject({
      action: "staff.role-changed",
      entityId: people.writer!.id,
      actorName: "Ada",
      detail: { role: "editor" },
    });
  });
});
