/**
 * Redirects for moved articles. An article lists its old paths in `redirectFrom`; pages that moved
 * elsewhere (another site, or a page that only redirected) are listed in `content/redirects.yaml`
 * (redirects-file.ts). The build turns them into 301s for the host (Netlify/Cloudflare
 * `_redirects`, `vercel.json`) and into small HTML pages for hosts without server redirects.
 * Pure: no I/O, the build integration writes the files.
 */
import { escapeHtml } from '../lib/html.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { LoadedContent } from './load.ts';
import { getArticlePath, getCategoryPath, getFaqIndexPath, getHomePath, getSearchPath, withBase } from './routes.ts';

export interface Redirect {
  /** The old site path, with the base, e.g. "/help/billing/old-name/". */
  from: string;
  /** The article's current site path, with the base; or a full URL for a page that moved off the site. */
  to: string;
  /** The article's title, for the HTML redirect page. */
  title?: string;
}

export interface RedirectFiles {
  /** Content of a `_redirects` file (Netlify, Cloudflare Pages): one "from to 301" line per path. */
  netlify: string;
  /** The `redirects` part of vercel.json. */
  vercel: { redirects: Array<{ source: string; destination: string; permanent: true }> };
  /** One HTML page per old path, relative to the output folder (base not included). */
  htmlPages: Array<{ path: string; html: string }>;
}

export interface RedirectOptions {
  /** Include redirects to draft articles (dev server). Default false: drafts are not built. */
  drafts?: boolean;
}

/** `faqs`, when given, says whether the site has a FAQ page (it has none without FAQs). */
type RedirectContent = Pick<LoadedContent, 'articles' | 'categories'> & { faqs?: readonly unknown[] };

/** One entry of `content/redirects.yaml`: an old path that goes to a site path or a full URL. */
export interface ListedRedirect {
  from: string;
  to: string;
  /** Where the entry is written, for findings. */
  file: string;
  line: number;
  column: number;
}

/** True for a redirect target on another site ("https://..."), not a path of this one. */
export const isExternalTarget = (to: string) => /^[a-z][a-z0-9+.-]*:/i.test(to);

/**
 * An old path as the build uses it: single slashes, and a trailing slash unless the last segment
 * is a file name ("/old.html"), matching the site's directory-style URLs.
 */
export function normalizeRedirectPath(sitePath: string): string {
  const clean = `/${sitePath}`.replace(/\/{2,}/g, '/');
  const last = clean.slice(clean.lastIndexOf('/') + 1);
  return last === '' || /\.[a-z0-9]+$/i.test(last) ? clean : `${clean}/`;
}

/** Every redirect of the published articles, sorted by old path; with the deployment base applied. */
export function getRedirects(
  content: RedirectContent,
  base: string,
  options: RedirectOptions = {},
  listed: readonly ListedRedirect[] = [],
): Redirect[] {
  const categories = new Set(content.categories.map((c) => c.id));
  const byFrom = new Map<string, Redirect>();
  for (const article of content.articles) {
    if (article.data.draft && !options.drafts) continue;
    if (categories.size > 0 && !categories.has(article.category)) continue;
    const own = getArticlePath(article.category, article.id);
    for (const old of article.data.redirectFrom) {
      const from = normalizeRedirectPath(old);
      if (from === own || byFrom.has(from)) continue;
      byFrom.set(from, { from: withBase(base, from), to: withBase(base, own), title: article.data.title });
    }
  }
  for (const r of listed) {
    const from = normalizeRedirectPath(r.from);
    if (byFrom.has(from)) continue;
    const to = isExternalTarget(r.to) ? r.to : withBase(base, normalizeRedirectPath(r.to));
    if (to === withBase(base, from)) continue;
    byFrom.set(from, { from: withBase(base, from), to });
  }
  return [...byFrom.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * Redirects that cannot work: an old path that is a live page, one claimed twice, or a redirect
 * to an article that is not built. Each names the `redirectFrom` item's line (or the
 * `redirects.yaml` entry's). An old path equal to the article's own path is left alone: it
 * redirects nowhere (imports from sites whose URLs we keep write such paths).
 */
export function getRedirectErrors(content: RedirectContent, listed: readonly ListedRedirect[] = []): Diagnostic[] {
  const categories = new Set(content.categories.map((c) => c.id));
  const live = new Map<string, string>([
    [getHomePath(), 'the home page'],
    // A site without FAQs has no FAQ page: an old /faq/ may redirect to the article that answers it.
    ...(content.faqs === undefined || content.faqs.length > 0 ? [[getFaqIndexPath(), 'the FAQ page'] as [string, string]] : []),
    [getSearchPath(), 'the search page'],
    ['/404/', 'the "page not found" page'],
    ['/404.html', 'the "page not found" page'],
  ]);
  for (const c of content.categories) live.set(getCategoryPath(c.id), `the "${c.title}" category page`);
  for (const a of content.articles) live.set(getArticlePath(a.category, a.id), a.file);
  const claimed = new Map<string, string>();
  const errors: Diagnostic[] = [];
  for (const article of content.articles) {
    const own = getArticlePath(article.category, article.id);
    article.data.redirectFrom.forEach((old, i) => {
      const at = { file: article.file, ...article.yaml.locate(['redirectFrom', i]), severity: 'error' as const };
      const from = normalizeRedirectPath(old);
      const page = live.get(from);
      if (from === own) {
        return;
      } else if (page) {
        errors.push({
          ...at,
          ruleId: 'redirect-conflict',
          message: `redirectFrom: "${old}" is a live page (${page}); a redirect there would hide it, so remove it from redirectFrom`,
        });
      } else if (claimed.has(from)) {
        const other = claimed.get(from)!;
        errors.push({
          ...at,
          ruleId: 'redirect-duplicate',
          message:
            other === article.file
              ? `redirectFrom: "${old}" is listed twice; remove one`
              : `redirectFrom: "${old}" is also claimed by ${other}; an old path can redirect to one article only, so remove it from one of them`,
        });
      } else if (categories.size > 0 && !categories.has(article.category)) {
        errors.push({
          ...at,
          ruleId: 'redirect-target',
          message: `redirectFrom: "${old}" would redirect to ${own}, which is not built because "${article.category}" is not a category; move the article or add the category`,
        });
      }
      claimed.set(from, article.file);
    });
  }
  for (const r of listed) {
    const at = { file: r.file, line: r.line, column: r.column, severity: 'error' as const };
    const from = normalizeRedirectPath(r.from);
    const page = live.get(from);
    const target = isExternalTarget(r.to) ? undefined : normalizeRedirectPath(r.to);
    if (target === from) continue;
    if (page) {
      errors.push({
        ...at,
        ruleId: 'redirect-conflict',
        message: `"${r.from}" is a live page (${page}); a redirect there would hide it, so remove this entry`,
      });
    } else if (claimed.has(from)) {
      errors.push({
        ...at,
        ruleId: 'redirect-duplicate',
        message: `"${r.from}" is also claimed by ${claimed.get(from)}; an old path can redirect to one place only, so remove one`,
      });
    } else if (target !== undefined && !live.has(target) && !claimed.has(target)) {
      errors.push({
        ...at,
        ruleId: 'redirect-target',
        message: `"${r.from}" would redirect to ${r.to}, which is not a page of this site; point it at an article path or a full URL`,
      });
    }
    claimed.set(from, r.file);
  }
  return errors;
}

export interface RedirectFileOptions {
  /** The deployment base, stripped from `from` to place the HTML pages in the output folder. Default "/". */
  base?: string;
  /** The `lang` of the HTML pages (the site's language). Default "en". */
  lang?: string;
  /**
   * Write `301!` in `_redirects`: Netlify then redirects even where a file exists at the old path
   * (such as the HTML page below). Netlify only; Cloudflare Pages always redirects. Default false.
   */
  force?: boolean;
}

/**
 * The redirect files for the hosts the help center deploys to. Old paths ending in "/" are listed
 * with and without the slash, because hosts differ in whether they match both.
 */
export function buildRedirectFiles(redirects: readonly Redirect[], siteUrl: string, options: RedirectFileOptions = {}): RedirectFiles {
  const origin = new URL(siteUrl).origin;
  const rules = redirects.flatMap((r) =>
    getSourceVariants(r.from).map((source) => ({ source: encodePath(source), destination: encodePath(r.to) })),
  );
  const width = Math.max(0, ...rules.map((r) => r.source.length));
  const status = options.force ? '301!' : '301';
  const netlify =
    '# Moved articles (generated from redirectFrom; do not edit)\n' +
    rules.map((r) => `${r.source.padEnd(width)}  ${r.destination}  ${status}\n`).join('');
  // Vercel reads `source` as a path-to-regexp pattern: characters with a meaning there are escaped.
  const vercel = {
    redirects: rules.map((r) => ({ source: r.source.replace(/[:()*+?{}\\]/g, '\\$&'), destination: r.destination, permanent: true as const })),
  };
  const base = normalizeBase(options.base ?? '/');
  // Old paths that differ only in case ("/Billing/" and "/billing/") are two files on a
  // case-sensitive static host (GitHub Pages, S3) and one on a case-insensitive disk (macOS,
  // Windows). Each gets its page when they lead to the same place (on one disk the copies are the
  // same file); when they lead to different places, only the first, and the server rules above
  // still serve each of them.
  const targetByFolded = new Map<string, string>();
  const written = new Set<string>();
  const htmlPages = redirects.flatMap((r) => {
    const pagePath = getHtmlPagePath(r.from, base);
    const taken = targetByFolded.get(pagePath.toLowerCase());
    if (written.has(pagePath) || (taken !== undefined && taken !== r.to)) return [];
    targetByFolded.set(pagePath.toLowerCase(), r.to);
    written.add(pagePath);
    const canonical = isExternalTarget(r.to) ? r.to : `${origin}${r.to}`;
    return [{ path: pagePath, html: buildRedirectPage(r, canonical, options.lang ?? 'en') }];
  });
  return { netlify, vercel, htmlPages };
}

/** Hosts want special characters in paths percent-encoded; already encoded ones stay as they are. */
function encodePath(p: string): string {
  let decoded = p;
  try {
    decoded = decodeURI(p);
  } catch {
    // Not valid percent-encoding: encode it as written.
  }
  return encodeURI(decoded);
}

function getSourceVariants(from: string): string[] {
  return from.length > 1 && from.endsWith('/') ? [from, from.slice(0, -1)] : [from];
}

function normalizeBase(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function getHtmlPagePath(from: string, base: string): string {
  const local = base && from.startsWith(`${base}/`) ? from.slice(base.length) : from;
  const rel = local.replace(/^\/+/, '');
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}

/**
 * A refresh drops the #fragment a reader came with (an old FAQ's #question, an article's
 * #section); a script, where it runs, carries it over unless the target names its own.
 */
function keepFragment(to: string): string {
  if (to.includes('#')) return '';
  return `<script>location.replace(${JSON.stringify(to).replace(/</g, '\\u003c')} + location.hash)</script>\n`;
}

function buildRedirectPage(redirect: Redirect, canonical: string, lang: string): string {
  const to = escapeHtml(redirect.to);
  const name = escapeHtml(redirect.title ?? canonical);
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<title>Moved: ${name}</title>
<meta name="robots" content="noindex">
${keepFragment(redirect.to)}<meta http-equiv="refresh" content="0; url=${to}">
<link rel="canonical" href="${escapeHtml(canonical)}">
</head>
<body>
<p>This page has moved to <a href="${to}">${name}</a>.</p>
</body>
</html>
`;
}

