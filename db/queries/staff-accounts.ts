import "server-only";
import { and, count, desc, eq, ne, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { Staff, StaffRole } from "@/lib/auth/roles";
import { NotAuthorizedError, requireStaff } from "@/lib/auth/staff";
import { getDb } from "../client";
import { auditLog, users } from "../schema";
import { recordAudit } from "./audit-log";
import { NotFoundError } from "./errors";
import { upsertStaffAccount, type Transaction } from "./staff";

export type StaffAccount = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  disabled: boolean;
  canSignIn: boolean;
};

export async function listStaffAccounts(): Promise<StaffAccount[]> {
  await requireStaff("admin");
  const rows = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      disabled: users.disabled,
      canSignIn: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .orderBy(users.name);
  return rows;
}

export async function createStaffAccount(account: {
  name: string;
  email: string;
  role: StaffRole;
  password: string;
}): Promise<Staff> {
  const admin = await requireStaff("admin");
  return getDb().transaction(async (tx) => {
    const staff = await upsertStaffAccount(tx, account);
    await recordAudit(tx, {
      actor: admin,
      action: "staff.created",
      entity: "user",
      entityId: staff.id,
      details: { email: staff.email, role: staff.role },
    });
    return staff;
  });
}

// One lock id for the roster of administrators, beside FIRST_RUN_LOCK (7_461_001) in staff.ts.
const ADMINISTRATORS_LOCK = 7_461_004;

/**
 * The newsroom must never lock itself out: the last active administrator stays one. Two
 * administrators demoting or disabling each other at the same moment would each count the other
 * and both succeed, so every such change holds one lock from this count until its commit.
 */
async function assertAnotherActiveAdmin(tx: Transaction, userId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADMINISTRATORS_LOCK})`);
  const [row] = await tx
    .select({ total: count() })
    .from(users)
    .where(
      and(
        eq(users.role, "admin"),
        eq(users.disabled, false),
        ne(users.id, userId),
        sql`${users.passwordHash} is not null`,
      ),
    );
  if ((row?.total ?? 0) === 0) {
    throw new NotAuthorizedError(
      "forbidden",
      "This is the last active administrator; make someone else an administrator first.",
    );
  }
}

async function targetRole(tx: Transaction, id: string): Promise<StaffRole> {
  const [row] = await tx.select({ role: users.role }).from(users).where(eq(users.id, id)).limit(1);
  if (!row) throw new NotFoundError("That account no longer exists.");
  return row.role;
}

export async function changeStaffRole({ id, role }: { id: string; role: StaffRole }) {
  const admin = await requireStaff("admin");
  await getDb().transaction(async (tx) => {
    if ((await targetRole(tx, id)) === "admin" && role !== "admin") await assertAnotherActiveAdmin(tx, id);
    // A new role takes effect at once: the old session carried the old one.
    await tx
      .update(users)
      .set({ role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id));
    await recordAudit(tx, {
      actor: admin,
      action: "staff.role-changed",
      entity: "user",
      entityId: id,
      details: { role },
    });
  });
}

export async function setStaffDisabled({ id, disabled }: { id: string; disabled: boolean }) {
  const admin = await requireStaff("admin");
  await getDb().transaction(async (tx) => {
    if (disabled && (await targetRole(tx, id)) === "admin") await assertAnotherActiveAdmin(tx, id);
    await tx
      .update(users)
      .set({ disabled, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id));
    await recordAudit(tx, {
      actor: admin,
      action: disabled ? "staff.disabled" : "staff.enabled",
      entity: "user",
      entityId: id,
    });
  });
}

/** Every session of the account ends at its next request. */
export async function resetStaffPassword({ id, password }: { id: string; password: string }) {
  const admin = await requireStaff("admin");
  const passwordHash = await hashPassword(password);
  await getDb().transaction(async (tx) => {
    await targetRole(tx, id);
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id));
    await recordAudit(tx, { actor: admin, action: "staff.password-reset", entity: "user", entityId: id });
  });
}

/**
 * Signing out ends every session of the account, not just this browser's cookie:
 * a JWT cannot be revoked, and a request still in flight could set the cookie again.
 */
export async function endMySessions(): Promise<void> {
  const staff = await requireStaff();
  await getDb()
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, staff.id));
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditEntry = {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
  actorName: string | null;
  detail: Record<string, unknown>;
  createdAt: Date;
};

export async function listAuditLog({ page }: { page: number }): Promise<AuditEntry[]> {
  await requireStaff("admin");
  return getDb()
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      actorName: users.name,
      detail: auditLog.detail,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
}
