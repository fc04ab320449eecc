"use client";

import { useActionState } from "react";
import { moveStoryAction, pinStoryAction, unpinStoryAction } from "@/app/admin/(newsroom)/front-page/actions";
import type { FrontPagePick } from "@/db/queries/front-page-picks";
import { idle, type ActionResult, type FormState } from "@/lib/actions/result";
import { FormField, inputClass } from "./form-field";
import { FormMessage } from "./form-message";

const button = "rounded-sm border border-stone-500 px-2 py-1 text-sm font-semibold disabled:opacity-60";
const primaryButton =
  "rounded-sm bg-stone-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60 " +
  "dark:bg-stone-100 dark:text-stone-900";

const useFrontPageForm = (action: (previous: unknown, formData: FormData) => Promise<ActionResult>) =>
  useActionState<FormState<ActionResult>, FormData>(action, idle);

/** Move up, move down and unpin for one pinned story; the lead cannot go up nor the last down. */
export function PickButtons({ pick, isLead, isLast }: { pick: FrontPagePick; isLead: boolean; isLast: boolean }) {
  const [moved, moveAction, moving] = useFrontPageForm(moveStoryAction);
  const [unpinned, unpinAction, unpinning] = useFrontPageForm(unpinStoryAction);
  const pending = moving || unpinning;
  const named = <span className="sr-only"> “{pick.headline}”</span>;
  return (
    <div>
      <div className="flex flex-wrap gap-2">
        <form action={moveAction} className="flex gap-2">
          <input type="hidden" name="articleId" value={pick.articleId} />
          {isLead ? null : (
            <button type="submit" name="direction" value="up" disabled={pending} className={button}>
              Move{named} up
            </button>
          )}
          {isLast ? null : (
            <button type="submit" name="direction" value="down" disabled={pending} className={button}>
              Move{named} down
            </button>
          )}
        </form>
        <form action={unpinAction}>
          <input type="hidden" name="articleId" value={pick.articleId} />
          <button type="submit" disabled={pending} className={button}>
            Unpin{named}
          </button>
        </form>
      </div>
      <FormMessage state={moved} testId={`move-status-${pick.articleId}`} />
      <FormMessage state={unpinned} testId={`unpin-status-${pick.articleId}`} />
    </div>
  );
}

export function PinStoryForm({ candidates }: { candidates: FrontPagePick[] }) {
  const [state, formAction, pending] = useFrontPageForm(pinStoryAction);
  return (
    <form action={formAction} aria-label="Pin a story" className="space-y-3">
      <FormField id="pin-story" label="Story" hint="The newest published stories not pinned already.">
        <select
          id="pin-story"
          name="articleId"
          required
          aria-describedby="pin-story-hint"
          className={inputClass}
          defaultValue=""
        >
          <option value="" disabled>
            Choose a story…
          </option>
          {candidates.map((story) => (
            <option key={story.articleId} value={story.articleId}>
              {story.headline} ({story.sectionName})
            </option>
          ))}
        </select>
      </FormField>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="place" value="lead" disabled={pending} className={primaryButton}>
          Make it the lead
        </button>
        <button type="submit" name="place" value="top" disabled={pending} className={button}>
          Add to the top stories
        </button>
      </div>
      <FormMessage state={state} testId="pin-status" />
    </form>
  );
}
