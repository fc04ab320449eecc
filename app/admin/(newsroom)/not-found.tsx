import Link from "next/link";

/**
 * A story, tag or photo that is not there, often because someone moved it to the trash or merged
 * it while this page was open: not found, never "forbidden".
 */
export default function NewsroomNotFound() {
  return (
    <div className="max-w-xl">
      <h1 className="mb-4 text-2xl font-bold">Not found</h1>
      <p>
        This is not in the newsroom, or no longer: someone may have moved it to the trash or removed it while you had it
        open. An administrator can bring a story back from the trash.
      </p>
      <p className="mt-4">
        <Link href="/admin" className="font-semibold underline">
          Back to the stories
        </Link>
      </p>
    </div>
  );
}
