/** The 404 page: not indexed, its own search box instead of the header's. */
import { getHomePath } from '../content/routes.ts';
import { href } from '../site/urls.ts';
import { escapeHtml } from '../lib/html.ts';
import { getDefaultPageLocale, type PageHead, type PageLocale } from './common.ts';

export interface NotFoundRouteData {
  head: PageHead;
  homeHref: string;
  heading: string;
  /** The lead paragraph, HTML: its link to the home page is part of the sentence in every language. */
  leadHtml: string;
  searchLabel: string;
}

export function getNotFoundRouteData(
  page: PageLocale = getDefaultPageLocale({ language: 'en', locales: [], defaultLocalePrefix: false }),
): NotFoundRouteData {
  const homeHref = href(getHomePath(page.route));
  return {
    head: {
      title: page.ui.t('notFound.title'),
      description: page.ui.t('notFound.description'),
      path: page.locale.isDefault ? '/404/' : `/${page.locale.prefix}/404/`,
      headerSearch: false,
      noindex: true,
      locale: page.locale,
    },
    homeHref,
    heading: page.ui.t('notFound.heading'),
    leadHtml: page.ui.t('notFound.lead', { href: escapeHtml(homeHref) }),
    searchLabel: page.ui.t('search.label'),
  };
}
