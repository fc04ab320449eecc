import type { Metadata } from "next";
import { z } from "zod";
import { NewsroomDate } from "@/components/newsroom-date";
import { Pagination } from "@/components/pagination";
import { AUDIT_PAGE_SIZE, listAuditLog } from "@/db/queries/staff-accounts";
import { refusedOr } from "@/lib/actions/staff-action";

export const metadata: Metadata = { title: "Audit log", robots: { index: false } };

type Props = { searchParams: Promise<{ page?: string }> };

export default async function AuditLogPage({ searchParams }: Props) {
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .catch(1)
    .parse((await searchParams).page);
  const entries = await refusedOr(() => listAuditLog({ page }));
  if ("refused" in entries) return <p role="status">Only administrators can read the audit log.</p>;
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Audit log</h1>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-stone-400">
          <tr>
            <th className="py-2">When</th>
            <th>Who</th>
            <th>What</th>
            <th>Record</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-b border-stone-200 dark:border-stone-800">
              <td className="py-1 pr-3">
                <NewsroomDate date={entry.createdAt} withTime />
              </td>
              <td className="pr-3">{entry.actorName ?? "system"}</td>
              <td className="pr-3 font-mono text-xs">{entry.action}</td>
              <td className="font-mono text-xs">
                {entry.entityType} {entry.entityId}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination
        basePath="/admin/audit"
        items="entries"
        page={page}
        totalPages={entries.length === AUDIT_PAGE_SIZE ? page + 1 : page}
      />
    </>
  );
}
