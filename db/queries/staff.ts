import "server-only";
import { eq, isNotNull, sql } from "drizzle-orm";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Staff, StaffRole } from "@/lib/auth/roles";
import { authorSlug } from "@/lib/slugs";
import { getDb, type Database } from "../client";
import { users } from "../schema";
import { recordAudit } from "./audit-log";

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

const staffColumns = { id: users.id, name: users.name, email: users.email, role: users.role };

export type SessionStaff = Staff & { disabled: boolean; sessionVersion: number };

const byEmail = (email: string) => eq(sql`lower(${users.email})`, email.trim().toLowerCase());

/** Seeded bylines have no password; the newsroom has staff once someone can sign in. */
export async function hasStaffAccounts(): Promise<boolean> {
  const [row] = await getDb().select({ id: users.id }).from(users).where(isNotNull(users.passwordHash)).limit(1);
  return row !== undefined;
}

/** Null for an unknown email, a wrong password or a disabled account, all in similar time. */
export async function verifyStaffCredentials({
  email,
  password,
}: {
  email: string;
  password: string;
}): Promise<(Staff & { sessionVersion: number }) | null> {
  const [row] = await getDb()
    .select({
      ...staffColumns,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(byEmail(email))
    .limit(1);
  const valid = await verifyPassword(row?.passwordHash ?? null, password);
  if (!row || !valid || row.disabled || row.passwordHash === null) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role, sessionVersion: row.sessionVersion };
}

export async function findSessionStaff({ id }: { id: string }): Promise<SessionStaff | null> {
  const [row] = await getDb()
    .select({ ...staffColumns, disabled: users.disabled, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

async function uniqueAuthorSlug(tx: Transaction, name: string): Promise<string> {
  const base = authorSlug(name) || "staff";
  for (let suffix = 1; ; suffix += 1) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.slug, candidate)).limit(1);
    if (!taken) return candidate;
  }
}

export class StaffAccountExistsError extends Error {
  constructor(email: string) {
    super(`An account for ${email} already exists.`);
    this.name = "StaffAccountExistsError";
  }
}

/**
 * Gives a person a sign-in. A seeded byline with the same email becomes their
 * account (their stories stay theirs); otherwise a new staff member is created.
 */
export async function upsertStaffAccount(
  tx: Transaction,
  account: { name: string; email: string; role: StaffRole; password: string },
): Promise<Staff> {
  const passwordHash = await hashPassword(account.password);
  const [existing] = await tx
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(byEmail(account.email))
    .limit(1);
  if (existing?.passwordHash) throw new StaffAccountExistsError(account.email);
  if (existing) {
    const [updated] = await tx
      .update(users)
      .set({ name: account.name, role: account.role, passwordHash, disabled: false, updatedAt: new Date() })
      .where(eq(users.id, existing.id))
      .returning(staffColumns);
    return updated!;
  }
  const [created] = await tx
    .insert(users)
    .values({
      name: account.name,
      email: account.email.trim(),
      slug: await uniqueAuthorSlug(tx, account.name),
      role: account.role,
      passwordHash,
    })
    .returning(staffColumns);
  return created!;
}

export class SetupAlreadyDoneError extends Error {
  constructor() {
    super("The newsroom already has an administrator. Sign in instead.");
    this.name = "SetupAlreadyDoneError";
  }
}

// One lock id for "first run": two people submitting the setup form at once cannot both become admin.
const FIRST_RUN_LOCK = 7_461_001;

/** The first-run step: only while nobody can sign in. */
export async function createFirstAdministrator(account: {
  name: string;
  email: string;
  password: string;
}): Promise<Staff> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_RUN_LOCK})`);
    const [someone] = await tx.select({ id: users.id }).from(users).where(isNotNull(users.passwordHash)).limit(1);
    if (someone) throw new SetupAlreadyDoneError();
    const admin = await upsertStaffAccount(tx, { ...account, role: "admin" });
    await recordAudit(tx, {
      actor: admin,
      action: "staff.first-admin-created",
      entity: "user",
      entityId: admin.id,
      details: { email: admin.email },
    });
    return admin;
  });
}

/**
 * For `npm run user:create`: whoever can run commands on the server is trusted
 * with the database already, so no session is asked for.
 */
export async function provisionStaffAccountFromCommandLine(account: {
  name: string;
  email: string;
  role: StaffRole;
  password: string;
}): Promise<Staff> {
  return getDb().transaction(async (tx) => {
    const staff = await upsertStaffAccount(tx, account);
    await recordAudit(tx, {
      actor: null,
      action: "staff.created-from-command-line",
      entity: "user",
      entityId: staff.id,
      details: { email: staff.email, role: staff.role },
    });
    return staff;
  });
}
