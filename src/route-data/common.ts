/**
 * What every page's route data shares: the head of the page (BaseLayout's props), breadcrumbs and
 * their schema.org twin. Pure TypeScript: the pages' data comes in as parameters, so each page
 * type's module (home.ts, category.ts, article.ts, faq.ts, search.ts, not-found.ts) is unit-testable
 * without Astro; the route files in src/routes/ load the data, call one of them and only render.
 */
import type { SiteSettings } from '../content/schema.ts';
import { absoluteUrl, href } from '../site/urls.ts';
import { getBreadcrumbListLd } from '../site/json-ld.ts';
import { getHomePath } from '../content/routes.ts';
import type { Locale } from '../content/locales.ts';
import type { LanguageLink, PageLocale } from '../site/page-locale.ts';

// Components take the page's language types from route data, their one door.
export { getDefaultPageLocale, type LanguageLink, type PageLocale } from '../site/page-locale.ts';

/** BaseLayout's props: what goes into <head> and whether the header has its search box. */
export interface PageHead {
  title: string;
  description: string;
  /** Site-relative path of this page (without base). */
  path: string;
  ogType?: 'website' | 'article';
  /** schema.org objects, one <script type="application/ld+json"> each. */
  jsonLd?: unknown[];
  noindex?: boolean;
  /** Hide the header search box on pages that have their own, at every width: one box, not two. */
  headerSearch?: boolean;
  /** The page's language; the site's default language when unset. */
  locale?: Locale;
  /** The page's language versions (itself included) when the site has several languages. */
  languages?: LanguageLink[];
  /** The canonical page when it is another one (a fallback page points at the default language's). */
  canonicalPath?: string;
  /** Site-relative path of the page's Markdown copy for assistants (articles: llms-text.ts), if it has one. */
  markdownPath?: string;
}

/** One breadcrumb as the Breadcrumbs component renders it; the last one (the page) has no href. */
export interface BreadcrumbItem {
  name: string;
  /** A link href, deployment base included. */
  href?: string;
}

/** A page in the breadcrumb trail: its visible name, its site-relative path and its JSON-LD name. */
export interface Trail {
  name: string;
  path: string;
  /** The name in the BreadcrumbList when it differs from the visible one ("FAQ" is shown, the full name is listed). */
  ldName?: string;
}

/** The home crumb every trail starts with. */
export const HOME_CRUMB_NAME = 'Home';

/**
 * Breadcrumb items and the BreadcrumbList for a trail from the home page to this page: every crumb
 * but the last links; the list has absolute URLs for all of them, the page included.
 */
export function getBreadcrumbs(trail: readonly Trail[], settings: Pick<SiteSettings, 'url'>, page?: PageLocale) {
  const home = page ? page.ui.t('breadcrumbs.home') : HOME_CRUMB_NAME;
  const full: Trail[] = [{ name: home, path: getHomePath(page?.route) }, ...trail];
  const items: BreadcrumbItem[] = full.map((t, i) =>
    i < full.length - 1 ? { name: t.name, href: href(t.path) } : { name: t.name },
  );
  const ld = getBreadcrumbListLd(
    full.map((t) => ({ name: t.ldName ?? t.name, url: absoluteUrl(t.path, settings.url) })),
  );
  return { items, ld };
}
