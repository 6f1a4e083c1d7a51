/**
 * `/favicon.svg`: the default icon, a speech bubble in the site's brand colour, so a new site
 * neither 404s on its icon nor logs a missing favicon on every page in `astro dev`. A `logo` in
 * site.yaml is the icon instead, and a favicon.svg in the project's public/ replaces this route.
 */
import type { APIRoute } from 'astro';
import { getSiteSettings } from '../site/config.ts';

export const FAVICON_PATH = '/favicon.svg';

/** The icon's SVG in `color` (a six-digit hex colour, as site.yaml's schema allows). */
export function getFaviconSvg(color: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path fill="${color}" d="M6 3h20a4 4 0 0 1 4 4v14a4 4 0 0 1-4 4H14l-7 5v-5H6a4 4 0 0 1-4-4V7a4 4 0 0 1 4-4z"/><path fill="#fff" d="M14.6 17.2v-.6c0-1.3.5-2 1.7-2.8 1-.7 1.4-1.1 1.4-1.9 0-.9-.7-1.5-1.8-1.5-1 0-1.8.6-2 1.7l-2.5-.6c.4-2.2 2.2-3.5 4.6-3.5 2.7 0 4.4 1.4 4.4 3.6 0 1.5-.7 2.4-2 3.3-.9.6-1.2 1-1.2 1.7v.6zm-.3 3.3c0-.9.7-1.6 1.6-1.6.9 0 1.6.7 1.6 1.6 0 .9-.7 1.6-1.6 1.6-.9 0-1.6-.7-1.6-1.6z"/></svg>\n`;
}

export const GET: APIRoute = () =>
  new Response(getFaviconSvg(getSiteSettings().brandColor), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
