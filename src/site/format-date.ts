/**
 * Dates as readers see them ("23 November 2026" in en-GB). One Intl.DateTimeFormat per language for
 * the whole build: creating one costs more than formatting thousands of dates with it.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function formatLongDate(date: Date, language: string): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    formats.set(language, format);
  }
  return format.format(date);
}
