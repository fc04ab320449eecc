// Vitest runs outside a Next.js server, which has no cache to keep or expire: cached functions run
// every time, and expiring records what was expired, so tests can count it. The caching itself is
// proved end to end (e2e/).
export const unstable_cache = <Load extends (...args: never[]) => Promise<unknown>>(load: Load) => load;
export function revalidatePath(): void {}

const expiredTags: string[] = [];

export function revalidateTag(tag: string): void {
  expiredTags.push(tag);
}

/** Every tag expired since the last call, in order, and forgets them. */
export function takeExpiredTags(): string[] {
  return expiredTags.splice(0);
}

export function updateTag(): void {}
