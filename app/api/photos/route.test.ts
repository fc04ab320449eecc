import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, databaseDriver, migrateDatabase } from "@/db/client";
import { listPhotos } from "@/db/queries/media";
import { createFirstAdministrator, provisionStaffAccountFromCommandLine } from "@/db/queries/staff";
import type { Staff } from "@/lib/auth/roles";
import { signInAs } from "@/test/staff-session";
import { readUploadNotice, uploadNoticeMessage } from "@/app/admin/(newsroom)/photos/upload-notice";
import { POST } from "./route";

vi.mock("@/lib/auth", () => import("@/test/staff-session"));

const MEGABYTE = 1024 * 1024;
// What `next start` puts in request.url: its own host name, not the address the browser used.
const AS_NEXT_START_BUILDS_IT = "http://app-server-7:3000/api/photos";
const BROWSER = { Host: "newsroom.example:8080", Origin: "http://newsroom.example:8080" };
const BOUNDARY = "----PhotoBoundaryXyZ";

let writer: Staff;

let shade = 0;
/** A small JPEG no other test has uploaded, as a camera would send it. */
async function freshJpeg(): Promise<Uint8Array<ArrayBuffer>> {
  shade += 1;
  return new Uint8Array(
    await sharp({ create: { width: 48, height: 32, channels: 3, background: { r: shade, g: 90, b: 140 } } })
      .jpeg()
      .toBuffer(),
  );
}

function photoForm(bytes: Uint8Array<ArrayBuffer>, name = "ferry.jpg"): FormData {
  const form = new FormData();
  form.set("photo", new File([bytes], name, { type: "image/jpeg" }));
  return form;
}

function upload(body: BodyInit, headers: Record<string, string> = {}) {
  return POST(
    new Request(AS_NEXT_START_BUILDS_IT, {
      method: "POST",
      headers: { Accept: "application/json", ...BROWSER, ...headers },
      body,
      duplex: "half",
    } as RequestInit),
  );
}

/**
 * A multipart body of `megabytes` that notes how much of it the server pulled. A high-water mark
 * of 0: nothing is pulled until someone reads.
 */
function recordedBody(megabytes: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x41);
  const record = { pulledBytes: 0 };
  let left = megabytes * MEGABYTE;
  let started = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!started) {
          started = true;
          const head = new TextEncoder().encode(
            `--${BOUNDARY}\r\nContent-Disposition: form-data; name="photo"; filename="huge.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
          );
          record.pulledBytes += head.byteLength;
          controller.enqueue(head);
          return;
        }
        if (left <= 0) {
          controller.enqueue(new TextEncoder().encode(`\r\n--${BOUNDARY}--\r\n`));
          controller.close();
          return;
        }
        record.pulledBytes += chunk.byteLength;
        left -= chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, record, contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

async function libraryNames(): Promise<(string | null)[]> {
  signInAs(writer);
  const { photos } = await listPhotos({ page: 1 });
  return photos.map((photo) => photo.originalName);
}

describe(`POST /api/photos on ${databaseDriver()}`, () => {
  beforeAll(async () => {
    await migrateDatabase();
    await createFirstAdministrator({
      name: "Ada Admin",
      email: "ada@newsroom.example",
      password: "correct horse battery staple",
    });
    writer = await provisionStaffAccountFromCommandLine({
      name: "Wren Writer",
      email: "wren@newsroom.example",
      role: "writer",
      password: "correct horse battery staple",
    });
  });
  beforeEach(() => signInAs(writer));
  afterAll(() => closeDatabase());

  it("adds a writer's photo to the library and answers 201 with it, from the address the browser used", async () => {
    const response = await upload(photoForm(await freshJpeg(), "night-ferry.jpg"));
    expect(response.status).toBe(201);
    const answer = await response.json();
    expect(answer).toMatchObject({
      alreadyInLibrary: false,
      photo: { mimeType: "image/jpeg", width: 48, height: 32, originalName: "night-ferry.jpg" },
    });
    expect(response.headers.get("location")).toBe(`/media/${answer.photo.id}`);
    expect(await libraryNames()).toContain("night-ferry.jpg");
  });

  it("refuses a visitor with 401 before reading a byte of the body", async () => {
    signInAs(null);
    const body = recordedBody(3);
    const response = await upload(body.stream, { "Content-Type": body.contentType });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ status: 401, detail: "Sign in to continue." });
    expect(body.record.pulledBytes).toBe(0);
  });

  it("refuses a request from another site with 403, before reading the body", async () => {
    const body = recordedBody(1);
    const response = await upload(body.stream, { "Content-Type": body.contentType, Origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(body.record.pulledBytes).toBe(0);
  });

  it("refuses a body over 25 MB with 413, reading no further, though Content-Length says it is small", async () => {
    const body = recordedBody(40);
    const response = await upload(body.stream, { "Content-Type": body.contentType, "Content-Length": "20000" });
    expect(response.status).toBe(413);
    expect((await response.json()).detail).toMatch(
      /^This file is 25\.1 MB; photos can be at most 25 MB\. Export a smaller JPEG and upload that\.$/,
    );
    expect(body.record.pulledBytes).toBeLessThan(26 * MEGABYTE);
  });

  it("refuses a body declared over 25 MB with 413 without reading it", async () => {
    const body = recordedBody(1);
    const response = await upload(body.stream, {
      "Content-Type": body.contentType,
      "Content-Length": String(30 * MEGABYTE),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).detail).toBe(
      "This file is 30 MB; photos can be at most 25 MB. Export a smaller JPEG and upload that.",
    );
    expect(body.record.pulledBytes).toBe(0);
  });

  it("says what is wrong with a file that is not a photo", async () => {
    const response = await upload(photoForm(new TextEncoder().encode("not a photo at all"), "notes.jpg"));
    expect(response.status).toBe(422);
    expect((await response.json()).detail).toMatch(/upload a JPEG, PNG or WebP photo/);
  });

  it("sends a form posted without JavaScript back to the library, which says the photo arrived", async () => {
    const response = await upload(photoForm(await freshJpeg(), "harbour.jpg"), {
      Accept: "text/html,application/xhtml+xml",
    });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location") ?? "", "http://newsroom.example");
    expect(location.pathname).toBe("/admin/photos");
    const notice = readUploadNotice(Object.fromEntries(location.searchParams));
    expect(notice).toMatchObject({ kind: "uploaded" });
    expect(uploadNoticeMessage(notice!, 25 * MEGABYTE)).toMatch(/^Photo uploaded/);
    expect(await libraryNames()).toContain("harbour.jpg");
  });

  it("sends a visitor's form post to the sign-in page, to come back to the library", async () => {
    signInAs(null);
    const response = await upload(photoForm(await freshJpeg()), { Accept: "text/html" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?callbackUrl=%2Fadmin%2Fphotos");
  });
});
