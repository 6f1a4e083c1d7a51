/** The 404 page: not indexed, its own search box instead of the header's. */
import { getHomePath } from '../content/routes.ts';
import { href } from '../site/urls.ts';
import type { PageHead } from './common.ts';

export interface NotFoundRouteData {
  head: PageHead;
  homeHref: string;
}

export function getNotFoundRouteData(): NotFoundRouteData {
  return {
    head: {
      title: 'Page not found',
      description: 'The page you were looking for is not here.',
      path: '/404/',
      headerSearch: false,
      noindex: true,
    },
    homeHref: href(getHomePath()),
  };
}
