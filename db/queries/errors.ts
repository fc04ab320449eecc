import "server-only";

/**
 * The story, tag, section, photo or account a staff member acted on is gone: trashed, deleted or
 * merged by someone else meanwhile. That is "not found", never "forbidden": the form says so and
 * the staff member reloads, rather than being told they lack a permission they have.
 */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}
