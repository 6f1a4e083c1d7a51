/**
 * The UI strings: one dictionary per language for everything the pages say besides the content
 * (search, results, filters, feedback widget, breadcrumbs, contact block, dates, reading time,
 * 404, notices). We ship English, German, French, Spanish, Japanese and Arabic; a site can change
 * any string, or add a language we do not ship, with `ui.yaml` in the language's content folder
 * (content/ui.yaml for the default language, content/<locale>/ui.yaml for the others). The build
 * fails on a key a language lacks, naming the key and the language (getMissingUiStrings).
 */
import en from './dictionaries/en.ts';
import de from './dictionaries/de.ts';
import fr from './dictionaries/fr.ts';
import es from './dictionaries/es.ts';
import ja from './dictionaries/ja.ts';
import ar from './dictionaries/ar.ts';

export type UiKey = keyof typeof en;
/** A complete dictionary: every key of the English one. */
export type UiDictionary = Record<UiKey, string>;

/** The keys whose plural forms are `<key>.one`, `<key>.other` (and any other CLDR category a language adds). */
export type UiPluralKey = UiKey extends infer K ? (K extends `${infer P}.other` ? P : never) : never;

export const UI_KEYS = Object.keys(en) as UiKey[];

/** The dictionaries we ship, by base language ("pt-BR" would use "pt"). */
export const SHIPPED_DICTIONARIES: Readonly<Record<string, UiDictionary>> = { en, de, fr, es, ja, ar };

export const UI_STRINGS_FILE = 'ui.yaml';

/** Our dictionary for a language tag: the exact tag first, then its base language. */
export function getShippedDictionary(language: string): UiDictionary | undefined {
  const lower = language.toLowerCase();
  return SHIPPED_DICTIONARIES[lower] ?? SHIPPED_DICTIONARIES[lower.split('-')[0] ?? ''];
}

/** The keys a language has neither in our dictionary nor in the site's ui.yaml, in dictionary order. */
export function getMissingUiStrings(language: string, overrides: Readonly<Record<string, string>>): UiKey[] {
  const shipped = getShippedDictionary(language);
  return UI_KEYS.filter((key) => !shipped?.[key] && !overrides[key]);
}

/** The result list's strings (`results.*`), which travel in the search vocabulary to the browser. */
export function pickResultStrings(strings: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(strings).filter(([key]) => key.startsWith('results.')));
}

export interface Translator {
  /** The language tag. */
  language: string;
  /** The string for `key` with `{name}` placeholders filled in. */
  t(key: UiKey, params?: Readonly<Record<string, string | number>>): string;
  /** The plural form for `count` (`{count}` is filled in too). */
  plural(key: UiPluralKey, count: number, params?: Readonly<Record<string, string | number>>): string;
  /** Every string, for the browser code that needs some of them. */
  strings: Readonly<Record<string, string>>;
}

const fill = (text: string, params: Readonly<Record<string, string | number>> = {}) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/**
 * A language's strings: the site's ui.yaml over our dictionary. The build has checked that no key
 * is missing; a key missing anyway (a page built without that check) shows in English.
 */
export function createTranslator(language: string, overrides: Readonly<Record<string, string>> = {}): Translator {
  const strings: Record<string, string> = { ...en, ...getShippedDictionary(language), ...overrides };
  const rules = new Intl.PluralRules(language);
  const t: Translator['t'] = (key, params) => fill(strings[key] ?? en[key], params);
  return {
    language,
    strings,
    t,
    plural(key, count, params) {
      const form = strings[`${key}.${rules.select(count)}`] ?? strings[`${key}.other`] ?? '';
      return fill(form, { ...params, count });
    },
  };
}
