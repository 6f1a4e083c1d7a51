/**
 * The language of the page being rendered, from its `locale` route parameter (none: the default
 * language): its locale, its UI strings and its URL prefix. Pages and components alike read
 * `Astro.params.locale`, so no component needs a language prop. Worked out once per language.
 */
import path from 'node:path';
import { z } from 'zod';
import { getLocales, type Locale } from '../content/locales.ts';
import type { RouteOptions } from '../content/routes.ts';
import { getLocaleContentDir } from '../content/ui-strings-file.ts';
import { createTranslator, UI_STRINGS_FILE, type Translator } from '../i18n/ui-strings.ts';
import { getHelpCenterConfig } from './config.ts';
import { readYamlData } from './read-yaml-data.ts';

export interface PageLanguage {
  locale: Locale;
  ui: Translator;
  /** For the path functions of routes.ts. */
  route: RouteOptions;
  /** The site's default language (the source of every translation). */
  defaultLocale: Locale;
}

const cache = new Map<string, PageLanguage>();

export const getSiteLocales = (): Locale[] => getLocales(getHelpCenterConfig().settings);

/** @param prefix The page's `locale` route parameter. */
export function getPageLanguage(prefix: string | undefined): PageLanguage {
  const key = prefix ?? '';
  let found = cache.get(key);
  if (!found) {
    const { contentDir } = getHelpCenterConfig();
    const locales = getSiteLocales();
    const locale = prefix === undefined ? locales[0]! : locales.find((l) => l.prefix === prefix);
    if (!locale) throw new Error(`No language has the URL prefix "${prefix}"`);
    const overrides =
      readYamlData(
        path.join(getLocaleContentDir(contentDir, locale), UI_STRINGS_FILE),
        z.record(z.string(), z.string()),
      ) ?? {};
    found = {
      locale,
      ui: createTranslator(locale.code, overrides),
      route: { locale: locale.prefix },
      defaultLocale: locales[0]!,
    };
    cache.set(key, found);
  }
  return found;
}
