/**
 * Calendar days written `YYYY-MM-DD`: the one parser for frontmatter dates, CLI flags and the
 * feedback endpoint's query parameters, so "2026-02-30" is rejected everywhere instead of rolling
 * over to March where `Date.parse` is asked.
 */

/** The spelling alone; `parseIsoDay` also checks the day exists. Exported for a schema's own message. */
export const ISO_DAY_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

/** UTC midnight of `text` in milliseconds, or undefined when it is not a real `YYYY-MM-DD` day. */
export function parseIsoDay(text: string): number | undefined {
  if (!ISO_DAY_FORMAT.test(text)) return undefined;
  const time = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text) return undefined;
  return time;
}

/** True for a real day: "2026-02-28" yes, "2026-02-30" and "2026-2-28" no. */
export const isIsoDay = (text: string): boolean => parseIsoDay(text) !== undefined;
