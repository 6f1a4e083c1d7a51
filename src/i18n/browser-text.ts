/**
 * The browser's side of the UI strings: `{name}` filled in and plural forms chosen by the
 * language's rules, over a handful of strings the page or the widget was given (no dictionary).
 */
export interface BrowserText {
  t(key: string, params?: Record<string, string | number>): string;
  plural(key: string, count: number, params?: Record<string, string | number>): string;
}

/** `fallback` fills keys `strings` lacks; a key in neither shows as itself. */
export function createBrowserText(
  strings: Readonly<Record<string, string>>,
  language: string,
  fallback: Readonly<Record<string, string>> = {},
): BrowserText {
  const all: Record<string, string> = { ...fallback, ...strings };
  const rules = new Intl.PluralRules(language);
  const fill = (text: string, params: Record<string, string | number> = {}) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return {
    t: (key, params) => fill(all[key] ?? key, params),
    plural: (key, count, params) =>
      fill(all[`${key}.${rules.select(count)}`] ?? all[`${key}.other`] ?? key, { ...params, count }),
  };
}
