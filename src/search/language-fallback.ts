/**
 * A page in a language with few translations finds little: "invoice" on the German pages finds
 * nothing, though the English article exists. When a search in a language other than the site's
 * default finds fewer than FALLBACK_BELOW results, the default language's results follow, each
 * marked with its language (the result list labels it "In English" and sets `lang`). Pure: the
 * help center's search UI and the in-product widget both merge with it.
 */
import { getLanguageNameIn } from '../content/locales.ts';

/** Below this many results in the reader's language, the default language's are added after them. */
export const FALLBACK_BELOW = 3;

export interface LanguageMarked<D> {
  result: D;
  /** Set on a result from the default language's index: its language, for the label and `lang`. */
  language?: string;
}

/** Whether a search in `language` that found `found` results should add the default language's. */
export function needsLanguageFallback(language: string, defaultLanguage: string | undefined, found: number): boolean {
  return defaultLanguage !== undefined && language !== defaultLanguage && found < FALLBACK_BELOW;
}

/**
 * The reader's results, then the default language's up to `limit` in all, marked. A default-language
 * page whose translation is already among the reader's results is left out (`skipped` counts
 * them): the reader has it in their language. `localePrefix` is the URL prefix of the reader's language ("de"), how a
 * translation's URL differs from its source's ("/de/account/x/" and "/account/x/").
 */
export function mergeLanguageFallback<D extends { url: string }>(
  own: readonly D[],
  fallback: readonly D[],
  options: { language: string; localePrefix?: string | undefined; limit: number },
): { results: Array<LanguageMarked<D>>; skipped: number } {
  const prefix = options.localePrefix ? `/${options.localePrefix}/` : undefined;
  const sourceOf = (url: string) => (prefix && url.includes(prefix) ? url.replace(prefix, '/') : url);
  const translated = new Set(own.map((r) => sourceOf(r.url)));
  const added = fallback
    .filter((r) => !translated.has(r.url))
    .map((result) => ({ result, language: options.language }));
  return {
    results: [...own.map((result) => ({ result })), ...added].slice(0, options.limit),
    skipped: fallback.length - added.length,
  };
}

/** A result from another language's index than the page's. */
export interface ResultLanguage {
  /** The result's language tag ("en"): its `lang`. */
  code: string;
  /** The page's language tag: the label is in it. */
  pageLanguage: string;
}

/** "In English" in the page's language ("Auf Englisch"): the label of a result from the default language's index. */
export function getResultLanguageLabel(
  language: ResultLanguage,
  text: { t(key: string, params?: Record<string, string | number>): string },
): string {
  return text.t('results.inLanguage', { language: getLanguageNameIn(language.code, language.pageLanguage) });
}
