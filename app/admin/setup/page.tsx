import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasStaffAccounts } from "@/db/queries/staff";
import { SetupForm } from "./setup-form";

// Whether anyone can sign in yet is a question for the database at request time, never at build.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Set up the newsroom", robots: { index: false, follow: false } };

export default async function SetupPage() {
  // Only while nobody can sign in: afterwards this page does not exist.
  if (await hasStaffAccounts()) notFound();
  return (
    <main id="main-content" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-3xl font-bold">Set up the newsroom</h1>
      <p className="mt-2 mb-8 text-stone-700 dark:text-stone-300">
        Create the first administrator. There are no default accounts or passwords; this page disappears once an
        administrator exists.
      </p>
      <SetupForm />
    </main>
  );
}
