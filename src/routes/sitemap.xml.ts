/** `/sitemap.xml`: every published page, from the route data (src/route-data/sitemap.ts). */
import type { APIRoute } from 'astro';
import { getSite } from '../site/data.ts';
import { buildSitemapXml } from '../site/sitemap.ts';
import { getSitemapEntries } from '../route-data/sitemap.ts';

export const GET: APIRoute = async ({ site }) => {
  const { data } = await getSite();
  return new Response(buildSitemapXml(getSitemapEntries(data, site!)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
