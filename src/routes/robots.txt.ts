/** `/robots.txt`: lets every crawler in and points it at the sitemap. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap.xml', site!)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
