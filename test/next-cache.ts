// Vitest runs outside a Next.js server, which has no cache to keep or expire: cached functions run
// every time, and expiring is a no-op. The caching itself is proved end to end (e2e/).
export const unstable_cache = <Load extends (...args: never[]) => Promise<unknown>>(load: Load) => load;
export function revalidatePath(): void {}
export function revalidateTag(): void {}
export function updateTag(): void {}
