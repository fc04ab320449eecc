"use client";

import { useActionState, useEffect, useRef, useState, type DragEvent, type ReactNode } from "react";
import { previewArticleAction, returnToWriterAction, saveArticleAction } from "@/app/admin/(newsroom)/articles/actions";
import { BylinesField, type Writer } from "@/components/admin/bylines-field";
import { FormField, inputClass } from "@/components/admin/form-field";
import { ConflictMerge } from "@/components/admin/conflict-merge";
import { FormMessage, SignInAgain } from "@/components/admin/form-message";
import { PhotoThumbnail } from "@/components/admin/photo-details";
import { PhotoPicker } from "@/components/admin/photo-picker";
import { idle, typedValue, type ActionResult, type FormState } from "@/lib/actions/result";
import type { EditorResult } from "@/lib/editor/article-form";
import { ARTICLE_LIMITS } from "@/lib/editor/article-limits";
import { REVIEW_LIMITS } from "@/lib/editor/form-limits";
import type { PhotoSummary } from "@/db/queries/media";
import type { ReviewState } from "@/db/queries/newsroom-articles";
import { PhotoUploadList, usePhotoUploads } from "@/components/admin/story-editor/photo-uploads";
import { StoryBodyField } from "@/components/admin/story-editor/story-body-field";
import type { MdxIssue } from "@/lib/mdx/safety";
import type { FigurePhoto } from "@/components/admin/story-editor/figure-props";

export type EditorArticle = {
  id?: string;
  version?: number;
  headline: string;
  dek: string;
  slug: string;
  slugLocked: boolean;
  sectionId: string;
  tags: string[];
  seoTitle: string;
  seoDescription: string;
  bodyMdx: string;
  heroMediaId: string | null;
  /** The writers in byline order; a new story starts with whoever writes it. */
  bylines: Writer[];
  status: "draft" | "scheduled" | "published";
  /** Left out for a new story, which nobody has sent for review yet. */
  reviewState?: ReviewState;
};

type Props = {
  article: EditorArticle;
  photos: PhotoSummary[];
  sections: Array<{ id: string; name: string }>;
  tagNames: string[];
  /** Staff and guest contributors, for the bylines. */
  writers: Writer[];
  mayPublish: boolean;
  /** The server's limit on a photo file, so an oversized one is refused before it is sent. */
  maxPhotoBytes: number;
};

const LEAD_PHOTO_SLOT =
  "rounded-sm border border-stone-300 p-3 data-[dropping=true]:border-emerald-700 dark:border-stone-700";
const OK_COLOURS = "bg-emerald-100 text-emerald-950";
const PROBLEM_COLOURS = "bg-red-100 text-red-950";
const SECONDARY_BUTTON = "rounded-sm border border-stone-600 px-4 py-2 font-semibold disabled:opacity-60";
const RETURN_FORM = "space-y-2 rounded-sm border border-amber-600 p-3 lg:col-start-1 dark:border-amber-500";
const UNPUBLISH_BUTTON =
  "rounded-sm border border-red-800 px-4 py-2 font-semibold text-red-900 disabled:opacity-60 dark:text-red-200";

const PREVIEW_DELAY_MS = 500;
const AUTOSAVE_INTERVAL_MS = 30_000;

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes("Files");

function IssueList({ issues }: { issues: MdxIssue[] }) {
  return (
    <ul className="space-y-1 text-sm text-red-900 dark:text-red-200" data-testid="mdx-issues">
      {issues.map((issue, index) => (
        <li key={index}>
          Line {issue.line}, column {issue.column}: {issue.message}
        </li>
      ))}
    </ul>
  );
}

/** An editor's verdict on a story that waits for review, short of publishing it: what the writer should change. */
function ReturnToWriterForm({ id, version }: { id: string; version: number }) {
  const [state, formAction, pending] = useActionState<FormState<ActionResult>, FormData>(returnToWriterAction, idle);
  const fieldErrors = state.status === "invalid" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} aria-labelledby="return-to-writer" className={RETURN_FORM}>
      <h2 id="return-to-writer" className="text-sm font-semibold">
        Not ready? Return it to the writer
      </h2>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
      <FormField
        id="reviewNote"
        label="Note to the writer"
        hint="What to change before it can be published. The writer sees it on the story."
        errors={fieldErrors.note}
      >
        <textarea
          id="reviewNote"
          name="note"
          rows={3}
          required
          maxLength={REVIEW_LIMITS.note}
          defaultValue={typedValue(state, "note") ?? ""}
          className={inputClass}
        />
      </FormField>
      <button type="submit" disabled={pending} className={SECONDARY_BUTTON}>
        Return to writer
      </button>
      <FormMessage state={state} testId="return-status" />
    </form>
  );
}

/** Saving a published story: an update readers are told of, or a silent fix that leaves its update time. */
function ChangeKindField({ errors }: { errors?: string[] }) {
  return (
    <fieldset className="space-y-1 text-sm" aria-describedby={errors ? "changeKind-error" : undefined}>
      <legend className="font-semibold">Saving a published story</legend>
      <label className="flex items-start gap-2">
        <input type="radio" name="changeKind" value="update" defaultChecked className="mt-1" />
        <span>An update: readers see “Updated” with the time, and feeds and search engines are told it changed.</span>
      </label>
      <label className="flex items-start gap-2">
        <input type="radio" name="changeKind" value="fix" className="mt-1" />
        <span>A silent fix (a typo, a broken link): the story keeps its update time.</span>
      </label>
      {errors ? (
        <p id="changeKind-error" className="text-red-800 dark:text-red-300">
          {errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}

export function ArticleEditor({ article, photos, sections, tagNames, writers, mayPublish, maxPhotoBytes }: Props) {
  const [state, formAction, pending] = useActionState<FormState<EditorResult>, FormData>(saveArticleAction, idle);
  const [headline, setHeadline] = useState(article.headline);
  const [dek, setDek] = useState(article.dek);
  const [slug, setSlug] = useState(article.slug);
  const [sectionId, setSectionId] = useState(article.sectionId);
  const [tags, setTags] = useState(article.tags.join(", "));
  const [seoTitle, setSeoTitle] = useState(article.seoTitle);
  const [seoDescription, setSeoDescription] = useState(article.seoDescription);
  const [body, setBody] = useState(article.bodyMdx);
  const [heroMediaId, setHeroMediaId] = useState(article.heroMediaId ?? "");
  const [bylines, setBylines] = useState(article.bylines);
  // A version chosen while resolving a conflict applies only to the conflict it resolves.
  const [override, setOverride] = useState<{ state: FormState<EditorResult>; version: number } | null>(null);
  const overrideVersion = override?.state === state ? override.version : null;
  const setOverrideVersion = (version: number) => setOverride({ state, version });
  const [preview, setPreview] = useState<{ body?: ReactNode; issues?: MdxIssue[] }>({});
  const [bodyOpened, setBodyOpened] = useState(0);
  const [draggingOverLead, setDraggingOverLead] = useState(false);
  // Photos picked or uploaded here, so one from beyond the library's first page still shows as itself.
  const [knownPhotos, setKnownPhotos] = useState<Array<FigurePhoto & { originalName?: string | null }>>(photos);
  const remember = (photo: FigurePhoto & { originalName?: string | null }) =>
    setKnownPhotos((list) => (list.some((known) => known.id === photo.id) ? list : [photo, ...list]));
  const { uploads: storyUploads, upload: uploadStoryPhotos } = usePhotoUploads(maxPhotoBytes);
  const { uploads: leadUploads, upload: uploadLeadPhoto } = usePhotoUploads(maxPhotoBytes);
  const formRef = useRef<HTMLFormElement>(null);
  const saveButtonRef = useRef<HTMLButtonElement>(null);
  const snapshot = JSON.stringify([
    headline,
    dek,
    slug,
    sectionId,
    tags,
    seoTitle,
    seoDescription,
    body,
    heroMediaId,
    bylines.map((writer) => writer.id),
  ]);
  const lastSavedRef = useRef(snapshot);
  const snapshotRef = useRef(snapshot);
  useEffect(() => {
    snapshotRef.current = snapshot;
  }, [snapshot]);

  useEffect(() => {
    if (state.status === "ok") lastSavedRef.current = snapshot;
    // Only a completed save moves the "last saved" mark, not every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  // Drafts save themselves; a published story changes only when someone presses a button.
  const autosaves = Boolean(article.id) && article.status === "draft";
  useEffect(() => {
    if (!autosaves) return;
    const timer = setInterval(() => {
      if (pending || lastSavedRef.current === snapshotRef.current) return;
      formRef.current?.requestSubmit(saveButtonRef.current);
    }, AUTOSAVE_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [autosaves, pending]);

  // Returning the story to its writer moves its version on too, and refreshes `article`.
  const savedVersion = state.status === "ok" ? Math.max(state.version, article.version ?? 0) : article.version;
  const reviewState = article.reviewState ?? "none";
  const expectedVersion = overrideVersion ?? savedVersion;
  const fieldErrors = state.status === "invalid" ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    const timer = setTimeout(async () => {
      if (!body.trim()) return setPreview({});
      const result = await previewArticleAction(body);
      setPreview(result.status === "ok" ? { body: result.body } : { issues: result.issues });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [body]);

  const leadPhoto = knownPhotos.find((photo) => photo.id === heroMediaId);

  async function dropLeadPhoto(files: File[]) {
    const [photo] = await uploadLeadPhoto(files.slice(0, 1));
    if (!photo) return;
    remember({ ...photo, originalName: files[0]?.name ?? null });
    setHeroMediaId(photo.id);
  }

  return (
    <div className="grid gap-8 font-sans lg:grid-cols-2">
      <form ref={formRef} action={formAction} className="space-y-4">
        <input type="hidden" name="id" value={article.id ?? ""} />
        <input type="hidden" name="expectedVersion" value={expectedVersion ?? ""} />
        <input type="hidden" name="heroMediaId" value={heroMediaId} />
        {state.status !== "idle" ? (
          <div
            role="status"
            data-testid="editor-status"
            className={`rounded-sm px-3 py-2 text-sm ${state.status === "ok" ? OK_COLOURS : PROBLEM_COLOURS}`}
          >
            <p>{state.message}</p>
            {state.status === "invalid" && state.issues ? <IssueList issues={state.issues} /> : null}
            {state.status === "refused" && state.signedOut ? <SignInAgain /> : null}
          </div>
        ) : null}
        {state.status === "conflict" && overrideVersion === null ? (
          <ConflictMerge
            theirs={state.current}
            mine={body}
            onResolve={(merged, version) => {
              setBody(merged);
              setBodyOpened((count) => count + 1);
              setOverrideVersion(version);
            }}
          />
        ) : null}
        <FormField id="headline" label="Headline" errors={fieldErrors.headline}>
          <input
            id="headline"
            name="headline"
            value={headline}
            onChange={(e) => setHeadline(e.target.value)}
            required
            maxLength={ARTICLE_LIMITS.headline}
            className={`${inputClass} font-serif text-xl font-bold`}
          />
        </FormField>
        <FormField id="dek" label="Standfirst" hint="One or two sentences under the headline." errors={fieldErrors.dek}>
          <textarea
            id="dek"
            name="dek"
            value={dek}
            onChange={(e) => setDek(e.target.value)}
            rows={2}
            maxLength={ARTICLE_LIMITS.dek}
            className={inputClass}
          />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="sectionId" label="Section" errors={fieldErrors.sectionId}>
            <select
              id="sectionId"
              name="sectionId"
              value={sectionId}
              onChange={(e) => setSectionId(e.target.value)}
              required
              className={inputClass}
            >
              <option value="">Choose…</option>
              {sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id="tags" label="Tags" hint="Separated by commas; new tags are created." errors={fieldErrors.tags}>
            <input
              id="tags"
              name="tags"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              list="known-tags"
              className={inputClass}
            />
            <datalist id="known-tags">
              {tagNames.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </FormField>
        </div>
        <BylinesField bylines={bylines} onChange={setBylines} writers={writers} errors={fieldErrors.bylines} />
        <FormField
          id="slug"
          label="Web address"
          hint={
            article.slugLocked
              ? "Fixed since first publication, so links keep working."
              : "Made from the headline if left empty."
          }
          errors={fieldErrors.slug}
        >
          <input
            id="slug"
            name="slug"
            value={slug}
            onChange={(e) => setSlug(e.target.value)}
            readOnly={article.slugLocked}
            maxLength={80}
            className={inputClass}
          />
        </FormField>
        <fieldset
          className={LEAD_PHOTO_SLOT}
          data-dropping={draggingOverLead}
          data-testid="lead-photo-slot"
          onDragOver={(event) => {
            if (!carriesFiles(event)) return;
            event.preventDefault();
            setDraggingOverLead(true);
          }}
          onDragLeave={() => setDraggingOverLead(false)}
          onDrop={(event) => {
            if (!carriesFiles(event)) return;
            event.preventDefault();
            setDraggingOverLead(false);
            void dropLeadPhoto(Array.from(event.dataTransfer.files));
          }}
          onPaste={(event) => {
            const files = Array.from(event.clipboardData.files);
            if (files.length === 0) return;
            event.preventDefault();
            void dropLeadPhoto(files);
          }}
        >
          <legend className="px-1 text-sm font-semibold">Lead photo</legend>
          {leadPhoto ? (
            <div className="flex items-center gap-3" data-testid="lead-photo">
              <PhotoThumbnail photo={leadPhoto} className="h-16 w-24" />
              <p className="text-sm">{leadPhoto.caption || leadPhoto.altText || leadPhoto.originalName}</p>
            </div>
          ) : heroMediaId ? (
            <p className="text-sm" data-testid="lead-photo">
              A described photo whose file has not been supplied yet.
            </p>
          ) : (
            <p className="text-sm text-stone-600 dark:text-stone-400">None. Drop a photo file here, or choose one.</p>
          )}
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <PhotoPicker
              photos={photos}
              label="Choose the lead photo"
              onPick={(photo) => {
                remember(photo);
                setHeroMediaId(photo.id);
              }}
            />
            <label className="rounded-sm border border-stone-500 px-3 py-1 text-sm focus-within:outline-2">
              Upload a new lead photo
              <input
                type="file"
                accept="image/jpeg,image/png,image/webp"
                className="sr-only"
                onChange={(event) => {
                  void dropLeadPhoto(Array.from(event.target.files ?? []));
                  event.target.value = "";
                }}
              />
            </label>
            {heroMediaId ? (
              <button
                type="button"
                onClick={() => setHeroMediaId("")}
                className="rounded-sm border border-stone-500 px-3 py-1 text-sm"
              >
                Remove lead photo
              </button>
            ) : null}
          </div>
          <PhotoUploadList uploads={leadUploads} label="Lead photo upload" />
        </fieldset>
        <div>
          <StoryBodyField
            body={body}
            onChange={setBody}
            opened={bodyOpened}
            photos={photos}
            uploadPhotos={uploadStoryPhotos}
            errors={fieldErrors.bodyMdx}
          />
          <PhotoUploadList uploads={storyUploads} label="Photos going into the story" />
        </div>
        <details className="rounded-sm border border-stone-300 p-3 dark:border-stone-700">
          <summary className="cursor-pointer text-sm font-semibold">Search engines</summary>
          <div className="mt-3 space-y-3">
            <FormField id="seoTitle" label="Title for search engines" errors={fieldErrors.seoTitle}>
              <input
                id="seoTitle"
                name="seoTitle"
                value={seoTitle}
                onChange={(e) => setSeoTitle(e.target.value)}
                maxLength={ARTICLE_LIMITS.seoTitle}
                className={inputClass}
              />
            </FormField>
            <FormField id="seoDescription" label="Description for search engines" errors={fieldErrors.seoDescription}>
              <textarea
                id="seoDescription"
                name="seoDescription"
                value={seoDescription}
                onChange={(e) => setSeoDescription(e.target.value)}
                rows={2}
                maxLength={ARTICLE_LIMITS.seoDescription}
                className={inputClass}
              />
            </FormField>
          </div>
        </details>
        {autosaves ? (
          <p className="text-xs text-stone-500">Drafts save themselves every 30 seconds while you type.</p>
        ) : null}
        {article.status === "published" ? <ChangeKindField errors={fieldErrors.changeKind} /> : null}
        <div className="flex flex-wrap items-end gap-3 border-t border-stone-300 pt-4 dark:border-stone-700">
          <button
            ref={saveButtonRef}
            type="submit"
            name="intent"
            value="save"
            disabled={pending}
            className="rounded-sm border border-stone-600 px-4 py-2 font-semibold disabled:opacity-60"
          >
            {article.status === "draft" ? "Save draft" : "Save changes"}
          </button>
          {mayPublish ? (
            <>
              <button
                type="submit"
                name="intent"
                value="publish"
                disabled={pending}
                className="rounded-sm bg-emerald-800 px-4 py-2 font-semibold text-white disabled:opacity-60"
              >
                Publish now
              </button>
              <label className="flex items-center gap-2 self-center text-sm">
                <input type="checkbox" name="makeLead" />
                Make this the lead on the front page
              </label>
              <FormField id="publishAt" label="Or schedule for (newsroom time)" errors={fieldErrors.publishAt}>
                <input id="publishAt" name="publishAt" type="datetime-local" className={inputClass} />
              </FormField>
              <button
                type="submit"
                name="intent"
                value="schedule"
                disabled={pending}
                className="rounded-sm border border-emerald-800 px-4 py-2 font-semibold disabled:opacity-60"
              >
                Schedule
              </button>
              {article.status !== "draft" ? (
                <button type="submit" name="intent" value="unpublish" disabled={pending} className={UNPUBLISH_BUTTON}>
                  Unpublish
                </button>
              ) : null}
            </>
          ) : article.status === "draft" && reviewState !== "ready" ? (
            <>
              <button type="submit" name="intent" value="review" disabled={pending} className={SECONDARY_BUTTON}>
                Send for review
              </button>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                An editor publishes it or returns it to you with a note.
              </p>
            </>
          ) : (
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {reviewState === "ready"
                ? "Waiting for an editor's review; saving keeps it in the queue."
                : "An editor publishes stories once they are ready."}
            </p>
          )}
        </div>
      </form>
      {mayPublish && article.id && reviewState === "ready" && expectedVersion ? (
        <ReturnToWriterForm id={article.id} version={expectedVersion} />
      ) : null}
      <section
        aria-label="Preview"
        className="lg:sticky lg:top-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start"
      >
        <h2 className="mb-2 text-sm font-semibold tracking-wider text-stone-500 uppercase">Preview</h2>
        <div className="rounded-sm border border-stone-300 bg-white p-6 dark:border-stone-700 dark:bg-stone-950">
          <p className="font-serif text-3xl leading-tight font-bold">{headline || "Headline"}</p>
          {dek ? <p className="mt-2 font-serif text-lg text-stone-700 dark:text-stone-300">{dek}</p> : null}
          {preview.issues ? (
            <div className="mt-4 rounded-sm bg-red-50 p-3 dark:bg-red-950">
              <IssueList issues={preview.issues} />
            </div>
          ) : null}
          <div className="prose prose-stone dark:prose-invert mt-6 max-w-none font-serif" data-testid="preview-body">
            {preview.body}
          </div>
        </div>
      </section>
    </div>
  );
}
