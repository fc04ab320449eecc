"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useState } from "react";
import { LIVE_POLL_SECONDS, newUpdatesLabel } from "@/lib/live-coverage";

const BUTTON_CLASSES =
  "rounded-full bg-red-800 px-4 py-2 font-sans text-sm font-semibold text-white shadow-md hover:bg-red-900";

/**
 * Asks the story's cached poll every few seconds, while the tab is visible, whether entries newer
 * than the newest shown have been posted, and offers them as "N new updates" rather than moving
 * what the reader is reading. Pressing it re-renders the page from the server, with them in.
 */
export function LiveUpdates({ pollPath, newestId }: { pollPath: string; newestId: string | null }) {
  const router = useRouter();
  const [waiting, setWaiting] = useState(0);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const query = newestId ? `?after=${encodeURIComponent(newestId)}` : "";
        const response = await fetch(`${pollPath}${query}`);
        if (!response.ok || stopped) return;
        const { newEntries } = (await response.json()) as { newEntries: number };
        setWaiting(newEntries);
      } catch {
        // Offline for a moment: the next poll asks again.
      }
    };
    const timer = window.setInterval(poll, LIVE_POLL_SECONDS * 1000);
    document.addEventListener("visibilitychange", poll);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", poll);
    };
  }, [pollPath, newestId]);

  return (
    <div aria-live="polite" className="sticky top-2 z-10 flex justify-center">
      {waiting > 0 ? (
        <button type="button" className={BUTTON_CLASSES} onClick={() => startTransition(() => router.refresh())}>
          {newUpdatesLabel(waiting)}
        </button>
      ) : null}
    </div>
  );
}
