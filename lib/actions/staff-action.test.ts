import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { NotFoundError } from "@/db/queries/errors";
import { StaffAccountExistsError } from "@/db/queries/staff";
import { NotAuthorizedError, requireStaff } from "@/lib/auth/staff";
import { readerTags } from "@/lib/cache-tags";
import { expireReaderTags } from "@/lib/reader-cache";
import { resultForError, staffAction, staffFormAction } from "./staff-action";

vi.mock("@/lib/auth/staff", () => {
  class NotAuthorizedError extends Error {
    constructor(
      readonly reason: "signed-out" | "forbidden",
      message: string,
    ) {
      super(message);
    }
  }
  return { NotAuthorizedError, requireStaff: vi.fn() };
});
vi.mock("@/lib/reader-cache", () => ({ expireReaderTags: vi.fn() }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${to};307;` });
  },
}));

const editor = { id: "0b5e6c1e-4f7a-4f4e-9d7a-3c1f2b6a9e01", name: "Eve", email: "eve@x.example", role: "editor" };
const signedOut = new NotAuthorizedError("signed-out", "Sign in to continue.");
const forbidden = new NotAuthorizedError("forbidden", "Only editors and above may do this.");

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const renameSchema = z.object({ name: z.string().min(1, "Enter a name for the tag.") });

/** A tag rename whose data-access call does what the test says. */
const renameWith = (run: () => Promise<unknown>) =>
  staffAction({
    role: "editor",
    schema: renameSchema,
    echo: ["name"],
    run: async () => {
      await run();
      return { status: "ok", message: "Renamed.", expired: [readerTags.tag("ferries"), readerTags.feeds] };
    },
  });

const redirectedTo = (error: unknown) => String((error as { digest?: string }).digest).split(";")[2];

beforeEach(() => {
  vi.mocked(requireStaff)
    .mockReset()
    .mockResolvedValue(editor as never);
  vi.mocked(expireReaderTags).mockReset();
});

describe("the staff action kit", () => {
  it("answers a caller without a session as refused before reading the form, keeping what was typed", async () => {
    vi.mocked(requireStaff).mockRejectedValue(signedOut);
    const run = vi.fn();
    expect(await renameWith(run)(undefined, form({ name: "" }))).toEqual({
      status: "refused",
      message: "Sign in to continue.",
      signedOut: true,
      values: { name: "" },
    });
    expect(run).not.toHaveBeenCalled();
    expect(requireStaff).toHaveBeenCalledWith("editor");
  });

  it("answers a refusal from the data layer as refused, never as invalid", async () => {
    const answer = await renameWith(() => Promise.reject(forbidden))(undefined, form({ name: "Ferries" }));
    expect(answer).toEqual({
      status: "refused",
      message: forbidden.message,
      signedOut: false,
      values: { name: "Ferries" },
    });
    expect(expireReaderTags).not.toHaveBeenCalled();
  });

  it("answers a record someone removed meanwhile as not found, not forbidden", async () => {
    const gone = new NotFoundError("That tag no longer exists.");
    expect(await renameWith(() => Promise.reject(gone))(undefined, form({ name: "Ferries" }))).toMatchObject({
      status: "not-found",
      message: "That tag no longer exists.",
    });
  });

  it("answers a form that does not parse as invalid with each field's problem, and calls nothing", async () => {
    const run = vi.fn();
    expect(await renameWith(run)(undefined, form({ name: "" }))).toEqual({
      status: "invalid",
      message: "Enter a name for the tag.",
      fieldErrors: { name: ["Enter a name for the tag."] },
      values: { name: "" },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("expires the reader pages a write touched in one call, once it has worked", async () => {
    expect(await renameWith(async () => {})(undefined, form({ name: "Ferries" }))).toEqual({
      status: "ok",
      message: "Renamed.",
    });
    expect(expireReaderTags).toHaveBeenCalledTimes(1);
    expect(expireReaderTags).toHaveBeenCalledWith(["tag:ferries", "feeds"]);
  });

  it("lets a fault through to the error page", async () => {
    const fault = new Error("connection reset");
    await expect(renameWith(() => Promise.reject(fault))(undefined, form({ name: "Ferries" }))).rejects.toBe(fault);
  });

  it("maps a taken email to invalid with the data layer's words, and anything unknown to nothing", () => {
    expect(resultForError(new StaffAccountExistsError("eve@x.example"))).toEqual({
      status: "invalid",
      message: "An account for eve@x.example already exists.",
    });
    expect(resultForError(new Error("connection reset"))).toBeNull();
  });

  it("sends a plain form's signed-out caller to sign in, and a story gone meanwhile to its page", async () => {
    const trash = (error: Error) =>
      staffFormAction({
        role: "writer",
        schema: z.object({ id: z.string() }),
        run: () => Promise.reject(error),
        turnedBack: (result) => `/admin/articles/gone?problem=${result.status}`,
      });
    vi.mocked(requireStaff).mockRejectedValueOnce(signedOut);
    expect(redirectedTo(await trash(forbidden)(form({ id: "x" })).catch((error) => error))).toBe("/login");
    const gone = new NotFoundError("This story no longer exists.");
    expect(redirectedTo(await trash(gone)(form({ id: "x" })).catch((error) => error))).toBe(
      "/admin/articles/gone?problem=not-found",
    );
  });
});
