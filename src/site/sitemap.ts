/** sitemap.xml from a list of absolute URLs (pure; the route writes it). */
export interface SitemapEntry {
  url: string;
  lastModified?: Date;
  /** The page's language versions (itself included), as `<xhtml:link rel="alternate" hreflang>`. */
  alternates?: Array<{ hreflang: string; href: string }>;
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function buildSitemapXml(entries: readonly SitemapEntry[]): string {
  const rows = entries.map(
    (e) =>
      `<url><loc>${escapeXml(e.url)}</loc>${e.lastModified ? `<lastmod>${e.lastModified.toISOString().slice(0, 10)}</lastmod>` : ''}` +
      (e.alternates && e.alternates.length > 1
        ? e.alternates
            .map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`)
            .join('')
        : '') +
      '</url>',
  );
  const xhtml = entries.some((e) => e.alternates && e.alternates.length > 1)
    ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"'
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${xhtml}>\n${rows.join('\n')}\n</urlset>\n`;
}
