/** `/sitemap.xml`: every published page, from the route data (src/route-data/sitemap.ts). */
import type { APIRoute } from 'astro';
import { getSite } from '../site/data.ts';
import { buildSitemapXml } from '../site/sitemap.ts';
import { getSitemapEntries } from '../route-data/sitemap.ts';
import { getSiteLocales } from '../site/languages.ts';

export const GET: APIRoute = async ({ site }) => {
  const locales = getSiteLocales();
  const languages = await Promise.all(
    locales.map(async (locale) => ({ locale, site: (await getSite(locale.prefix)).data })),
  );
  const entries = getSitemapEntries(languages[0]!.site, site!, locales.length > 1 ? languages : []);
  return new Response(buildSitemapXml(entries), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
