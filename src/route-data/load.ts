/**
 * The Astro side of route data: each page's static paths, and its data from the loaded site, the
 * settings, the page's language (Astro.locals.helpCenterPage, route-middleware.ts) and its
 * language versions, worked out once here so a route file only picks what it renders. The pure
 * builders (home.ts, category.ts, ...) stay free of Astro's modules, for their tests.
 */
import { render } from 'astro:content';
import { getSite } from '../site/data.ts';
import { getSiteSettings } from '../site/config.ts';
import { getLocaleParams, getPageLanguageLinks } from '../site/page-languages.ts';
import { hasContentTabs } from '../site/content-tabs.ts';
import type { PageLocale } from '../site/page-locale.ts';
import { getArticlePath, getCategoryPath, getFaqIndexPath, getHomePath, getSearchPath } from '../content/routes.ts';
import { getHomeRouteData } from './home.ts';
import { getCategoryRouteData } from './category.ts';
import { getArticleRouteData } from './article.ts';
import { getFaqRouteData } from './faq.ts';
import { getSearchRouteData } from './search.ts';

/** A page in every language: home, FAQ, search. */
export const getLocalePaths = () => getLocaleParams().map((locale) => ({ params: { locale } }));

export async function getCategoryPaths() {
  const paths = [];
  for (const locale of getLocaleParams()) {
    const { data } = await getSite(locale);
    for (const view of data.categories) paths.push({ params: { locale, category: view.category.id } });
  }
  return paths;
}

export async function getArticlePaths() {
  const paths = [];
  for (const locale of getLocaleParams()) {
    const { data } = await getSite(locale);
    for (const a of data.articleBySlug.values()) paths.push({ params: { locale, category: a.category, slug: a.slug } });
  }
  return paths;
}

export async function loadHomeRoute(page: PageLocale) {
  const { data } = await getSite(page.route.locale);
  return getHomeRouteData(data, getSiteSettings(), page, await getPageLanguageLinks(page, getHomePath));
}

/** The category page, with the FAQ entries its questions render from. */
export async function loadCategoryRoute(page: PageLocale, id: string) {
  const site = await getSite(page.route.locale);
  const languages = await getPageLanguageLinks(page, (r) => getCategoryPath(id, r));
  const route = getCategoryRouteData(site.data, getSiteSettings(), id, page, languages);
  // FAQ answers with content tabs need the tab script, as an article with tabs does.
  const hasTabs = await hasContentTabs(route.faqGroups.flatMap((g) => g.faqs.map((f) => site.faqs.get(f.slug))));
  return { route, faqs: site.faqs, hasTabs };
}

/** The article page, with its rendered body and whether it has content tabs (their script). */
export async function loadArticleRoute(page: PageLocale, category: string, slug: string) {
  const site = await getSite(page.route.locale);
  // Our entry type (site/data.ts), not the one a project's `astro sync` generates: render() takes it as is.
  const entry = site.articles.get(slug)! as unknown as Parameters<typeof render>[0];
  const { Content, headings, remarkPluginFrontmatter } = await render(entry);
  const languages = await getPageLanguageLinks(page, (r) => getArticlePath(category, slug, r), `article:${slug}`);
  return {
    route: getArticleRouteData(site.data, getSiteSettings(), slug, headings, page, languages),
    Content,
    hasTabs: remarkPluginFrontmatter.hasTabs === true,
  };
}

/** The FAQ page, with the FAQ entries its questions render from. */
export async function loadFaqRoute(page: PageLocale) {
  const site = await getSite(page.route.locale);
  const languages = await getPageLanguageLinks(page, getFaqIndexPath);
  const route = getFaqRouteData(site.data, getSiteSettings(), site.faqs, page, languages);
  const hasTabs = await hasContentTabs(route.sections.flatMap((s) => s.faqs.map((f) => site.faqs.get(f.slug))));
  return { route, faqs: site.faqs, hasTabs };
}

export async function loadSearchRoute(page: PageLocale) {
  const { data } = await getSite(page.route.locale);
  return getSearchRouteData(data, getSiteSettings(), page, await getPageLanguageLinks(page, getSearchPath));
}
