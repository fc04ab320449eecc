import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { canManageStaff, canManageTaxonomy, canPublish } from "@/lib/auth/roles";
import { currentStaff } from "@/lib/auth/staff";
import { site } from "@/lib/site";
import { signOutAction } from "./actions";

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  // An early redirect only: every query below checks the session again.
  const staff = await currentStaff();
  if (!staff) redirect("/login");
  return (
    <div className="min-h-dvh font-sans">
      <header className="border-b border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          {/* No prefetching in the staff area: every page is per-person and uncacheable anyway. */}
          <nav aria-label="Newsroom" className="flex items-center gap-5 text-sm font-semibold">
            <Link prefetch={false} href="/admin" className="font-serif text-xl font-black">
              {site.name} newsroom
            </Link>
            <Link prefetch={false} href="/admin" className="hover:underline">
              Stories
            </Link>
            <Link prefetch={false} href="/admin/articles/new" className="hover:underline">
              New story
            </Link>
            <Link prefetch={false} href="/admin/photos" className="hover:underline">
              Photos
            </Link>
            {canPublish(staff) ? (
              <Link prefetch={false} href="/admin/front-page" className="hover:underline">
                Front page
              </Link>
            ) : null}
            {canManageTaxonomy(staff) ? (
              <>
                <Link prefetch={false} href="/admin/tags" className="hover:underline">
                  Tags
                </Link>
                <Link prefetch={false} href="/admin/sections" className="hover:underline">
                  Sections
                </Link>
              </>
            ) : null}
            {canManageStaff(staff) ? (
              <>
                <Link prefetch={false} href="/admin/staff" className="hover:underline">
                  Staff
                </Link>
                <Link prefetch={false} href="/admin/audit" className="hover:underline">
                  Audit log
                </Link>
                <Link prefetch={false} href="/admin/trash" className="hover:underline">
                  Trash
                </Link>
              </>
            ) : null}
            <Link prefetch={false} href="/" className="hover:underline">
              View site
            </Link>
          </nav>
          <form action={signOutAction} className="flex items-center gap-3 text-sm">
            <span>
              {staff.name} <span className="text-stone-500">({staff.role})</span>
            </span>
            <button
              type="submit"
              className="rounded-sm border border-stone-400 px-3 py-1 hover:bg-stone-100 dark:hover:bg-stone-800"
            >
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main id="main-content" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
