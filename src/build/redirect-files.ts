/**
 * Writes the redirects of moved articles for every kind of host: `_redirects` (Netlify,
 * Cloudflare Pages), `vercel.json`, and an HTML page with a canonical link and meta refresh at
 * each old path for hosts without server-side redirects (GitHub Pages, S3).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteSettings } from '../content/schema.ts';
import { buildRedirectFiles, type Redirect } from '../content/redirects.ts';

/** `redirects` from getRedirects(content, site.base). */
export function writeRedirectFiles(outDir: string, site: SiteSettings, redirects: readonly Redirect[]): number {
  if (redirects.length === 0) return 0;
  // force (301!): on Netlify a file at the old path would otherwise win over the redirect rule.
  const files = buildRedirectFiles(redirects, site.url, { base: site.base, lang: site.language, force: true });
  const netlifyFile = path.join(outDir, '_redirects');
  const existing = existsSync(netlifyFile) ? `${readFileSync(netlifyFile, 'utf8').trimEnd()}\n\n` : '';
  writeFileSync(netlifyFile, existing + files.netlify);
  const vercelFile = path.join(outDir, 'vercel.json');
  const vercel = existsSync(vercelFile)
    ? (JSON.parse(readFileSync(vercelFile, 'utf8')) as Record<string, unknown>)
    : {};
  const own = Array.isArray(vercel.redirects) ? (vercel.redirects as unknown[]) : [];
  writeFileSync(
    vercelFile,
    `${JSON.stringify({ ...vercel, redirects: [...own, ...files.vercel.redirects] }, null, 2)}\n`,
  );
  for (const page of files.htmlPages) {
    const file = path.join(outDir, page.path);
    if (existsSync(file)) continue; // a live page: the build's content check reports the collision
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, page.html);
  }
  return redirects.length;
}
