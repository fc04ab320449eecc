/**
 * A reshared war story read as today's news misleads: a story past a certain age says how old it
 * is at the top of its page, as the Guardian's do. Whole months only, so a cached page stays right
 * for weeks and is re-rendered within its own revalidation time when a month boundary passes.
 */

/** Whole calendar months from `from` to `to` (UTC): 1 December to 1 January is one, to 31 December none. */
export function wholeMonthsBetween(from: Date, to: Date): number {
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  const fromInMonth = from.getTime() - Date.UTC(from.getUTCFullYear(), from.getUTCMonth());
  const toInMonth = to.getTime() - Date.UTC(to.getUTCFullYear(), to.getUTCMonth());
  return toInMonth < fromInMonth ? months - 1 : months;
}

/**
 * "This article is more than 3 years old", in months under two years ("more than 14 months old");
 * null for a story younger than `afterMonths`.
 */
export function storyAgeNotice(publishedAt: Date, now: Date, afterMonths: number): string | null {
  const months = wholeMonthsBetween(publishedAt, now);
  if (months < afterMonths || months < 1) return null;
  if (months < 24) return `This article is more than ${months} month${months === 1 ? "" : "s"} old`;
  return `This article is more than ${Math.floor(months / 12)} years old`;
}
