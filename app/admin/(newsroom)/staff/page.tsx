import type { Metadata } from "next";
import { NewStaffForm, StaffAccountRow } from "@/components/admin/staff-forms";
import { listStaffAccounts } from "@/db/queries/staff-accounts";
import { refusedOr } from "@/lib/actions/staff-action";
import { requireStaff } from "@/lib/auth/staff";

export const metadata: Metadata = { title: "Staff", robots: { index: false } };

export default async function StaffPage() {
  const me = await requireStaff();
  const accounts = await refusedOr(listStaffAccounts);
  if ("refused" in accounts) return <p role="status">Only administrators manage staff accounts.</p>;
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Staff</h1>
      <section
        aria-labelledby="add-staff"
        className="mb-10 rounded-sm border border-stone-300 p-4 dark:border-stone-700"
      >
        <h2 id="add-staff" className="mb-3 font-bold">
          Add a staff member
        </h2>
        <NewStaffForm />
      </section>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-stone-400">
          <tr>
            <th className="py-2">Person</th>
            <th>Status</th>
            <th>Role and access</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <StaffAccountRow key={account.id} account={account} isSelf={account.id === me.id} />
          ))}
        </tbody>
      </table>
    </>
  );
}
