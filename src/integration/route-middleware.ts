/**
 * Works out the page's language once per page, from its `locale` route parameter, and hands it to
 * the route, the layout and every component as `Astro.locals.helpCenterPage`: they read it there
 * instead of each parsing the URL again. Lazy, so a project's own pages that never ask for it
 * (and may have a `locale` parameter of their own) are left alone.
 */
import { defineMiddleware } from 'astro:middleware';
import type { PageLocale } from '../site/page-locale.ts';
import { getPageLocale } from '../site/page-languages.ts';

export const onRequest = defineMiddleware((context, next) => {
  let page: PageLocale | undefined;
  Object.defineProperty(context.locals, 'helpCenterPage', {
    get: () => (page ??= getPageLocale(context.params)),
    configurable: true,
  });
  return next();
});
