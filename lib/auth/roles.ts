/** What each newsroom role may do (DESIGN.md, "Roles"). Pure, so every layer can ask the same question. */
export type StaffRole = "admin" | "editor" | "writer";

export type Staff = { id: string; name: string; email: string; role: StaffRole };

const rank: Record<StaffRole, number> = { writer: 1, editor: 2, admin: 3 };

export function hasRole(staff: Pick<Staff, "role">, minimum: StaffRole): boolean {
  return rank[staff.role] >= rank[minimum];
}

export const canPublish = (staff: Pick<Staff, "role">) => hasRole(staff, "editor");
export const canManageTaxonomy = (staff: Pick<Staff, "role">) => hasRole(staff, "editor");
export const canManageStaff = (staff: Pick<Staff, "role">) => hasRole(staff, "admin");
export const canRestoreFromTrash = (staff: Pick<Staff, "role">) => hasRole(staff, "admin");

/** Writers edit the drafts they are a byline on; editors and admins edit anything. */
export function canEditArticle(
  staff: Pick<Staff, "id" | "role">,
  article: { bylineIds: readonly string[]; status: "draft" | "published" },
): boolean {
  if (hasRole(staff, "editor")) return true;
  return article.bylineIds.includes(staff.id) && article.status === "draft";
}
