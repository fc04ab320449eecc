import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RevisionDiff } from "@/components/admin/revision-diff";
import { getArticleRevisionPair } from "@/db/queries/newsroom-articles";
import { refusedOr } from "@/lib/actions/staff-action";

export const metadata: Metadata = { title: "Compare versions", robots: { index: false } };

// From the address bar or the history's form: a version is a whole number from 1, anything else is no page.
const version = z.coerce.number().int().min(1).max(2_147_483_647);
const compareSchema = z.object({ id: z.uuid(), from: version, to: version });

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function CompareVersionsPage({ params, searchParams }: Props) {
  const { from, to } = await searchParams;
  const asked = compareSchema.safeParse({ id: (await params).id, from, to });
  if (!asked.success) notFound();
  const pair = await refusedOr(() => getArticleRevisionPair(asked.data));
  // A version this story never had, or a story moved to the trash meanwhile: not found.
  if (!pair) notFound();
  if ("refused" in pair) {
    return (
      <p role="status" className="rounded-sm bg-red-100 p-4 text-red-950">
        {pair.refused}
      </p>
    );
  }
  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Compare versions</h1>
        <Link href={`/admin/articles/${asked.data.id}`} className="text-sm underline">
          Back to the story
        </Link>
      </div>
      <RevisionDiff from={pair.from} to={pair.to} />
    </>
  );
}
