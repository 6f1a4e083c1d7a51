/**
 * The languages of a help center: site.yaml's `language` is the default one, `locales` the others.
 * Each has a URL prefix (none for the default language unless `defaultLocalePrefix`), a writing
 * direction and a name for the language switcher. Pure: no astro:* imports, no I/O.
 */
import type { SiteSettings } from './schema.ts';

export interface Locale {
  /** The language tag: `<html lang>`, the content folder and the URL prefix. */
  code: string;
  /** The language's own name, for the switcher ("Deutsch", "日本語"). */
  label: string;
  dir: 'ltr' | 'rtl';
  isDefault: boolean;
  /** The URL prefix without slashes ("de"); undefined when the locale's pages have none. */
  prefix: string | undefined;
}

/** Languages written right to left (the part of the tag before "-"). */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

export const getBaseLanguage = (code: string) => code.toLowerCase().split('-')[0] ?? '';

export function getTextDirection(code: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(getBaseLanguage(code)) ? 'rtl' : 'ltr';
}

/** The language's name in itself ("de" -> "Deutsch"), from the runtime's CLDR data. */
export function getLanguageLabel(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(code) + name.slice(1) : code;
  } catch {
    return code;
  }
}

/** A language's name as a reader of another language says it ("en" in "de" -> "Englisch"). */
export function getLanguageNameIn(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

type LocaleSettings = Pick<SiteSettings, 'language' | 'locales' | 'defaultLocalePrefix'>;

/** Every language of the site, the default one first. */
export function getLocales(settings: LocaleSettings): Locale[] {
  const defaultLocale: Locale = {
    code: settings.language,
    label: getLanguageLabel(settings.language),
    dir: getTextDirection(settings.language),
    isDefault: true,
    prefix: settings.defaultLocalePrefix ? settings.language : undefined,
  };
  return [
    defaultLocale,
    ...settings.locales.map((l) => ({
      code: l.code,
      label: l.label ?? getLanguageLabel(l.code),
      dir: l.dir ?? getTextDirection(l.code),
      isDefault: false,
      prefix: l.code,
    })),
  ];
}

/** The languages other than the default one, whose content is in content/<code>/. */
export const getTranslationLocales = (settings: LocaleSettings) => getLocales(settings).slice(1);

/** A translation collection's entry id, "de/articles/billing/refunds", as its locale and its source's id ("billing/refunds"). */
export function splitTranslationId(id: string): { locale: string; sourceId: string } {
  const [locale = '', , ...rest] = id.split('/');
  return { locale, sourceId: rest.join('/') };
}
