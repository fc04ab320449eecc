import { NotAuthorizedError } from "@/lib/auth/staff";

/** Whether the data-access layer let the call through or refused it. */
export async function authorizationOutcome(run: () => Promise<unknown>): Promise<"allowed" | "refused"> {
  try {
    await run();
    return "allowed";
  } catch (error) {
    if (error instanceof NotAuthorizedError) return "refused";
    throw error;
  }
}
