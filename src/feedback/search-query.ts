/**
 * How a search query is normalised before it is sent (browser) and again before it is stored
 * (endpoint): Unicode NFKC, control and bidi characters removed, lowercase, whitespace collapsed,
 * and anything that looks like personal data replaced: email addresses become "[email]" and runs
 * of 6 or more digits (order, phone and card numbers) become "[number]". Capped at 200
 * characters. Pure and dependency-free, so the search UI can import it.
 */
export const SEARCH_QUERY_MAX_LENGTH = 200;

const CONTROL_AND_BIDI = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g;
// Digits possibly split by spaces, dots or dashes (+44 20 7946 0958, 4111-1111-1111-1111).
const LONG_NUMBER = /\+?\d(?:[\s.-]?\d){5,}/g;

/** The query as the browser sends it: cleaned, then cut to 200 characters. */
export function normalizeSearchQuery(text: string): string {
  return Array.from(cleanSearchQuery(text)).slice(0, SEARCH_QUERY_MAX_LENGTH).join('').trim();
}

/** The cleaning alone, without the cap: the endpoint checks the length itself. */
export function cleanSearchQuery(text: string): string {
  return text
    .normalize('NFKC')
    .replace(CONTROL_AND_BIDI, ' ')
    .toLowerCase()
    .replace(EMAIL, '[email]')
    .replace(LONG_NUMBER, '[number]')
    .replace(/\s+/g, ' ')
    .trim();
}
