/** UTC calendar days as YYYY-MM-DD strings: the unit of salts and of one-vote-per-day. */

export const getUtcDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The day before `day` (YYYY-MM-DD). */
export function getPreviousDay(day: string): string {
  return getUtcDay(Date.parse(`${day}T00:00:00Z`) - 86_400_000);
}
