/** What BaseLayout writes into <head> and <html>, from a page's head data and the site settings. */
import type { SiteSettings } from '../content/schema.ts';
import { absoluteUrl, href } from '../site/urls.ts';
import { toJsonLd } from '../site/json-ld.ts';
import type { PageHead } from './common.ts';

export interface LayoutData {
  language: string;
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
  /** The favicon's href (the logo), if the site has one. */
  iconHref: string | undefined;
  noindex: boolean;
  headerSearch: boolean;
  /** Each JSON-LD object serialised for its script element. */
  jsonLd: string[];
}

/**
 * @param site The deployed site's URL (Astro's `site`), if the project sets one; site.yaml's `url`
 * otherwise.
 */
export function getLayoutData(head: PageHead, settings: SiteSettings, site?: URL | string): LayoutData {
  const { title, description, path, ogType = 'website', jsonLd = [], noindex = false, headerSearch = true } = head;
  return {
    language: settings.language,
    htmlStyle: `--brand: ${settings.brandColor}`,
    fullTitle: title === settings.name ? title : `${title} | ${settings.name}`,
    title,
    description,
    canonical: absoluteUrl(path, site ?? settings.url),
    ogType,
    ogLocale: settings.language.replace('-', '_'),
    siteName: settings.name,
    iconHref: settings.logo ? href(settings.logo) : undefined,
    noindex,
    headerSearch,
    jsonLd: jsonLd.map((data) => toJsonLd(data)),
  };
}
