import "server-only";
import type { Staff } from "@/lib/auth/roles";
import { auditLog } from "../schema";
import type { Transaction } from "./staff";

/** Every kind of change the newsroom records, one string each: the audit page and any report rely on them. */
export type AuditAction =
  | "article.created"
  | "article.saved"
  | "article.published"
  | "article.scheduled"
  | "article.unpublished"
  | "article.sent-for-review"
  | "article.returned"
  | "article.trashed"
  | "article.restored-from-trash"
  | "article.seeded"
  | "article.note-added"
  | "article.note-edited"
  | "article.note-deleted"
  | "live.started"
  | "live.review-changed"
  | "live.ended"
  | "live-entry.posted"
  | "live-entry.edited"
  | "live-entry.deleted"
  | "live-entry.pinned"
  | "live-entry.unpinned"
  | "live-entry.approved"
  | "front-page.pinned"
  | "front-page.unpinned"
  | "front-page.moved"
  | "media.uploaded"
  | "media.text-updated"
  | "media.marked-graphic"
  | "media.graphic-mark-removed"
  | "tag.created"
  | "tag.renamed"
  | "tag.merged"
  | "tag.deleted"
  | "category.created"
  | "category.updated"
  | "category.moved"
  | "staff.created"
  | "staff.created-from-command-line"
  | "staff.first-admin-created"
  | "staff.role-changed"
  | "staff.disabled"
  | "staff.enabled"
  | "staff.password-reset";

export type AuditEntity = "article" | "media" | "tag" | "category" | "user";

/**
 * Written in the transaction of the change it records, so the log never holds a change that did not
 * happen nor misses one that did. `actor` is null only for the command line, where nobody signs in.
 */
export async function recordAudit(
  tx: Transaction,
  entry: {
    actor: Pick<Staff, "id"> | null;
    action: AuditAction;
    entity: AuditEntity;
    entityId: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    action: entry.action,
    entityType: entry.entity,
    entityId: entry.entityId,
    detail: entry.details ?? {},
  });
}
