/** sitemap.xml from a list of absolute URLs (pure; the route writes it). */
export interface SitemapEntry {
  url: string;
  lastModified?: Date;
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function buildSitemapXml(entries: readonly SitemapEntry[]): string {
  const rows = entries.map(
    (e) =>
      `<url><loc>${escapeXml(e.url)}</loc>${e.lastModified ? `<lastmod>${e.lastModified.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.join('\n')}\n</urlset>\n`;
}
