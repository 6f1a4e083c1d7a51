import type { APIRoute } from 'astro';
import { getSite } from '../site/data.ts';
import { absoluteUrl } from '../site/urls.ts';
import { buildSitemapXml } from '../site/sitemap.ts';
import { getFaqIndexPath } from '../content/routes.ts';

export const GET: APIRoute = async ({ site }) => {
  const { data } = await getSite();
  const url = (p: string) => absoluteUrl(p, site!);
  const entries = [
    { url: url('/') },
    { url: url(getFaqIndexPath()) },
    ...data.categories.map((c) => ({ url: url(c.path) })),
    ...[...data.articleBySlug.values()].map((a) => ({ url: url(a.path), lastModified: a.lastUpdated })),
  ];
  return new Response(buildSitemapXml(entries), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
