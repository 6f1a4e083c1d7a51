/**
 * What a page of any language needs from the others: the language versions of this page (for the
 * switcher and hreflang), and the static paths of a route in every language.
 */
import type { RouteOptions } from '../content/routes.ts';
import { getLanguageLinks, type LanguageLink, type PageLocale } from './page-locale.ts';
import { getHelpCenterConfig } from './config.ts';
import { getAvailability } from './data.ts';
import { getPageLanguage, getSiteLocales } from './languages.ts';

/**
 * The language versions of a page. `entry` ("article:<slug>", "faq:<slug>") limits them to the
 * languages with a real translation; pages without one (home, FAQ, search) exist in every language.
 */
export async function getPageLanguageLinks(
  page: PageLocale,
  pathIn: (route: RouteOptions) => string,
  entry?: string,
): Promise<LanguageLink[] | undefined> {
  const locales = getSiteLocales();
  if (locales.length < 2) return undefined;
  const has = entry ? (await getAvailability()).get(entry) : undefined;
  const translated = (code: string) => !entry || (has?.has(code) ?? false);
  // The page itself is listed even when it is a fallback (the default language's text shown in its
  // place), so its switcher says where the reader is; it is marked so it gets no hreflang.
  return getLanguageLinks(
    locales,
    (code) => translated(code) || code === page.locale.code,
    pathIn,
    page.locale,
    getHelpCenterConfig().settings.url,
  ).map((l) => (translated(l.code) ? l : { ...l, fallback: true }));
}

/** The page's language from its `locale` route parameter. */
export const getPageLocale = (params: Record<string, string | undefined>): PageLocale => getPageLanguage(params.locale);

/** The `locale` route parameter of every language: undefined for one without a prefix (the default one, usually). */
export const getLocaleParams = (): Array<string | undefined> => getSiteLocales().map((l) => l.prefix);
