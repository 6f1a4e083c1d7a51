/** What BaseLayout writes into <head> and <html>, from a page's head data and the site settings. */
import { getBrandStyle } from '../site/brand-colors.ts';
import type { SiteSettings } from '../content/schema.ts';
import { absoluteUrl, href } from '../site/urls.ts';
import { toJsonLd } from '../site/json-ld.ts';
import type { LanguageLink, PageHead } from './common.ts';
import { getTextDirection } from '../content/locales.ts';

export interface LayoutData {
  language: string;
  dir: 'ltr' | 'rtl';
  /** `<link rel="alternate" hreflang>`: every language version, and x-default (the default language's). */
  alternates: Array<{ hreflang: string; href: string }>;
  /** The language switcher's entries; empty when the page exists in one language only. */
  languages: LanguageLink[];
  /** The <html> style attribute that sets the brand colour. */
  htmlStyle: string;
  /** "<page> | <site>", or the site's name alone on the page that has it as title (home). */
  fullTitle: string;
  title: string;
  description: string;
  canonical: string;
  ogType: 'website' | 'article';
  ogLocale: string;
  siteName: string;
  /** The favicon's href: the logo, else /favicon.svg (the project's own in public/, or ours). */
  iconHref: string;
  noindex: boolean;
  headerSearch: boolean;
  /** Each JSON-LD object serialised for its script element. */
  jsonLd: string[];
  /** `<link rel="alternate" type="text/markdown">`: the absolute URL of the page's Markdown copy, if it has one. */
  markdownHref: string | undefined;
}

/**
 * @param site The deployed site's URL (Astro's `site`), if the project sets one; site.yaml's `url`
 * otherwise.
 */
export function getLayoutData(head: PageHead, settings: SiteSettings, site?: URL | string): LayoutData {
  const { title, description, path, ogType = 'website', jsonLd = [], noindex = false, headerSearch = true } = head;
  const language = head.locale?.code ?? settings.language;
  const languages = head.languages && head.languages.length > 1 ? head.languages : [];
  const defaultVersion = languages.find((l) => l.code === settings.language);
  return {
    language,
    dir: head.locale?.dir ?? getTextDirection(language),
    alternates: [
      // A fallback page is canonicalised to the original, so it is no language version of its own.
      ...languages.filter((l) => !l.fallback).map((l) => ({ hreflang: l.code, href: l.url })),
      ...(defaultVersion ? [{ hreflang: 'x-default', href: defaultVersion.url }] : []),
    ],
    languages,
    htmlStyle: getBrandStyle(settings.brandColor),
    fullTitle: title === settings.name ? title : `${title} | ${settings.name}`,
    title,
    description,
    canonical: absoluteUrl(head.canonicalPath ?? path, site ?? settings.url),
    ogType,
    ogLocale: language.replace('-', '_'),
    siteName: settings.name,
    iconHref: href(settings.logo ?? '/favicon.svg'),
    noindex,
    headerSearch,
    jsonLd: jsonLd.map((data) => toJsonLd(data)),
    markdownHref: head.markdownPath ? absoluteUrl(head.markdownPath, site ?? settings.url) : undefined,
  };
}
