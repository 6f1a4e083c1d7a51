/**
 * The language a page is rendered in and its language versions: what routes, route data and the
 * site's language helpers share. Pure: the site's locales and URLs come in as parameters.
 */
import type { SiteSettings } from '../content/schema.ts';
import type { RouteOptions } from '../content/routes.ts';
import { getLocales, type Locale } from '../content/locales.ts';
import { createTranslator, type Translator } from '../i18n/ui-strings.ts';
import { absoluteUrl, href } from './urls.ts';

/** The language a page is rendered in (src/site/languages.ts gives the page's own). */
export interface PageLocale {
  locale: Locale;
  ui: Translator;
  route: RouteOptions;
  /** The site's default language. */
  defaultLocale: Locale;
}

/** The default language of a site, for callers (tests, one-language sites) that pass no PageLocale. */
export function getDefaultPageLocale(
  settings: Pick<SiteSettings, 'language' | 'locales' | 'defaultLocalePrefix'>,
): PageLocale {
  const locale = getLocales(settings)[0]!;
  return { locale, ui: createTranslator(locale.code), route: { locale: locale.prefix }, defaultLocale: locale };
}

/** One language version of a page: for `<link rel="alternate" hreflang>` and the language switcher. */
export interface LanguageLink {
  code: string;
  label: string;
  /** Absolute URL. */
  url: string;
  /** Link href, base included. */
  href: string;
  current: boolean;
  /** A fallback page (the default language's text): in the switcher, but not a hreflang alternate. */
  fallback?: boolean;
}

/**
 * The languages a page exists in (its real translations, not fallbacks), each with its URL, in
 * the site's language order. `pathIn` gives the page's path in a language.
 */
export function getLanguageLinks(
  locales: readonly Locale[],
  has: (code: string) => boolean,
  pathIn: (route: RouteOptions) => string,
  current: Locale,
  siteUrl: string,
): LanguageLink[] {
  return locales
    .filter((l) => has(l.code))
    .map((l) => {
      const p = pathIn({ locale: l.prefix });
      return {
        code: l.code,
        label: l.label,
        url: absoluteUrl(p, siteUrl),
        href: href(p),
        current: l.code === current.code,
      };
    });
}
