/**
 * Links and images: every internal link must reach a published page (and its #heading), every
 * image must exist and have alt text, and external links must go to allowed domains.
 * Resolution is src/content/links.ts, the same the build uses to rewrite links.
 */
import path from 'node:path';
import { resolveLink } from '../../../content/links.ts';
import { withBase } from '../../../content/routes.ts';
import { getRedirects, isExternalTarget, normalizeRedirectPath } from '../../../content/redirects.ts';
import { createBodyFinding, type Finding, type LintContext, type LintDocument, type TextEdit } from '../context.ts';
import type { LinkFact } from '../markdown-facts.ts';
import { findClosest } from '../../../lib/did-you-mean.ts';
import type { TranslationEntry } from '../../../content/load.ts';

const IMAGE_EXT = /\.(png|jpe?g|gif|svg|webp|avif|ico|bmp)$/i;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`()[\]{}]+/gi;

interface Targets {
  articles: Map<string, LintDocument>;
  faqs: Map<string, LintDocument>;
  categories: Set<string>;
  /** Old paths (normalised, without the base) and where they redirect: a site path or a full URL. */
  redirects: Map<string, string>;
}

export function checkLinks(ctx: LintContext): Finding[] {
  const targets = indexTargets(ctx);
  const findings: Finding[] = [];
  for (const doc of ctx.documents) {
    for (const link of doc.facts.links) findings.push(...checkLink(ctx, targets, doc, link));
    if (ctx.isEnabled('external-link')) findings.push(...checkBareUrls(ctx, doc));
  }
  const translations = new Map(ctx.translationDocuments.map((d) => [d.contentPath, d]));
  for (const doc of ctx.translationDocuments)
    for (const link of doc.facts.links) findings.push(...checkTranslationLink(ctx, targets, translations, doc, link));
  return findings;
}

/**
 * A link in a translation, as the build renders it (remark-links.ts): a file link stays in the
 * translation's language, so it must reach that language's page, which is the translation or,
 * with `missingTranslation: fallback`, the original shown in its place. A file link that leaves
 * the language's folder, images, external and relative links are checked like the original's.
 * Site paths are not checked here: they may carry any language's prefix.
 */
function checkTranslationLink(
  ctx: LintContext,
  targets: Targets,
  translations: ReadonlyMap<string, LintDocument>,
  doc: LintDocument,
  link: LinkFact,
): Finding[] {
  const locale = (doc.entry as TranslationEntry).locale;
  const url = link.url.trim();
  const resolved = resolveLink(doc.contentPath.slice(locale.length + 1), url);
  if (resolved.type === 'site' && link.kind !== 'image' && link.kind !== 'html-image') return [];
  if (resolved.type !== 'content') return checkLink(ctx, targets, doc, link);
  const out: Finding[] = [];
  const report = (ruleId: Finding['ruleId'], message: string) => {
    if (ctx.isEnabled(ruleId)) out.push(createBodyFinding(doc, ruleId, link.offset, message));
  };
  const shown = url.length > 80 ? `${url.slice(0, 77)}...` : url;
  const translation = translations.get(`${locale}/${resolved.contentPath}`);
  const original =
    resolved.kind === 'article'
      ? targets.articles.get(`${resolved.category}/${resolved.slug}`)
      : targets.faqs.get(resolved.slug);
  const fallback = ctx.content.site?.missingTranslation !== 'omit';
  const target = translation ?? (fallback && original?.contentPath === resolved.contentPath ? original : undefined);
  if (!target) {
    const sourceFile = toRootPath(ctx, path.join(ctx.content.contentDir, resolved.contentPath));
    const translatedFile = toRootPath(ctx, path.join(ctx.content.contentDir, locale, resolved.contentPath));
    report(
      'broken-link',
      original?.contentPath === resolved.contentPath
        ? `${shown} has no translation in "${locale}" (no file ${translatedFile}), and this site leaves untranslated pages out of that language (missingTranslation: omit); translate it, or link to the original outside content/${locale}/`
        : `${shown} does not exist (no file ${translatedFile} or ${sourceFile})`,
    );
  } else if (target.entry.data.draft && !doc.entry.data.draft) {
    report('broken-link', `${shown} is a draft, which is not published; the link would be broken on the live site`);
  } else if (resolved.anchor && !hasHeading(target, resolved.anchor)) {
    report('broken-anchor', describeMissingAnchor(`#${resolved.anchor}`, target.entry.file, target));
  }
  return out;
}

function indexTargets(ctx: LintContext): Targets {
  const articles = new Map<string, LintDocument>();
  const faqs = new Map<string, LintDocument>();
  for (const doc of ctx.documents) {
    if (doc.entry.kind === 'article') articles.set(`${doc.entry.category}/${doc.entry.id}`, doc);
    else faqs.set(doc.entry.id, doc);
  }
  // The base is '/': links are written without it, and so are the redirects compared with them.
  const redirects = new Map(getRedirects(ctx.content, '/', {}, ctx.redirects).map((r) => [r.from, r.to]));
  return { articles, faqs, categories: new Set(ctx.content.categories.map((c) => c.id)), redirects };
}

function checkLink(ctx: LintContext, targets: Targets, doc: LintDocument, link: LinkFact): Finding[] {
  const isImage = link.kind === 'image' || link.kind === 'html-image';
  const out: Finding[] = [];
  const report = (ruleId: Finding['ruleId'], message: string, fix?: TextEdit[]) => {
    if (!ctx.isEnabled(ruleId)) return;
    const finding = createBodyFinding(doc, ruleId, link.offset, message);
    out.push(fix ? { ...finding, fix } : finding);
  };
  const shown = link.url.length > 80 ? `${link.url.slice(0, 77)}...` : link.url;
  if (isImage && (link.alt === undefined || (link.kind === 'image' && link.alt.trim() === ''))) {
    report(
      'image-alt',
      link.kind === 'image'
        ? `the image ${shown} has no alt text; describe what it shows between the brackets, like ![The Security settings page](${shown})`
        : `the <img> ${shown} has no alt attribute; add alt="what it shows" (alt="" only for decoration)`,
    );
  }
  const url = link.url.trim();
  if (!url) {
    report(
      isImage ? 'missing-image' : 'broken-link',
      `the ${isImage ? 'image' : 'link'} has no target; add the path between the parentheses`,
    );
    return out;
  }
  const resolved = resolveLink(doc.contentPath, url);
  switch (resolved.type) {
    case 'external': {
      const host = getHost(url);
      if (host && !isAllowedHost(host, ctx.settings.allowedDomains))
        report('external-link', describeExternal(host, getSiteFile(ctx)));
      break;
    }
    case 'anchor':
      if (!hasHeading(doc, resolved.anchor))
        report('broken-anchor', describeMissingAnchor(`#${resolved.anchor}`, 'this page', doc));
      break;
    case 'content': {
      const target =
        resolved.kind === 'article'
          ? targets.articles.get(`${resolved.category}/${resolved.slug}`)
          : targets.faqs.get(resolved.slug);
      const wanted = toRootPath(ctx, path.join(ctx.content.contentDir, resolved.contentPath));
      if (!target && ctx.fileExists(path.join(ctx.content.contentDir, resolved.contentPath))) {
        // The file exists but did not load (the loader reports why); nothing more to check here.
      } else if (!target || (resolved.kind === 'faq' && target.entry.category !== resolved.category)) {
        report(
          isImage ? 'missing-image' : 'broken-link',
          `${shown} does not exist (no file ${wanted})${suggestFile(targets, resolved.kind, resolved.category, resolved.slug, doc)}`,
        );
      } else if (target.contentPath !== resolved.contentPath) {
        report(
          'broken-link',
          `${shown} does not exist; the file is ${target.entry.file}, so link to ${relativeLink(doc, target)}`,
        );
      } else if (target.entry.data.draft && !doc.entry.data.draft) {
        report('broken-link', `${shown} is a draft, which is not published; the link would be broken on the live site`);
      } else if (resolved.anchor && !hasHeading(target, resolved.anchor)) {
        report('broken-anchor', describeMissingAnchor(`#${resolved.anchor}`, target.entry.file, target));
      }
      break;
    }
    case 'bad-content':
      report(
        'broken-link',
        `${shown} is not an article or FAQ; link to content files as ../<category>/<slug>.md or ../../faqs/<category>/<slug>.md`,
      );
      break;
    case 'site':
      if (!isImage && reportRedirected(ctx, targets, doc, link, resolved.sitePath, resolved.anchor, shown, report))
        break;
      checkSitePath(ctx, targets, doc, resolved.sitePath, resolved.anchor, isImage, shown, report);
      break;
    case 'other': {
      const [relPath = ''] = url.split(/[?#]/);
      const abs = path.join(path.dirname(doc.entry.absolutePath), safeDecode(relPath));
      if (isImage) {
        if (!ctx.fileExists(abs))
          report(
            'missing-image',
            `the image ${shown} is not next to the article (no file ${toRootPath(ctx, abs)}); images go in public/images/ and are written /images/<file>`,
          );
      } else {
        report(
          'broken-link',
          `${shown} is a relative link the site cannot resolve; link to the Markdown file${describeExampleLinks(targets, doc)}`,
        );
      }
      break;
    }
  }
  return out;
}

type Report = (ruleId: Finding['ruleId'], message: string, fix?: TextEdit[]) => void;

/**
 * A site path that is no page but an old path the site redirects (an article's `redirectFrom`,
 * content/redirects.yaml): it works, through a redirect; the finding names the link to write
 * instead, and `--fix` writes it. Returns false when the path is not redirected, or is a live page.
 */
function reportRedirected(
  ctx: LintContext,
  targets: Targets,
  doc: LintDocument,
  link: LinkFact,
  rawPath: string,
  anchor: string | undefined,
  shown: string,
  report: Report,
): boolean {
  const base = ctx.settings.base.replace(/\/+$/, '');
  let sitePath = safeDecode(rawPath);
  if (base && sitePath.startsWith(`${base}/`)) sitePath = sitePath.slice(base.length);
  if (
    /\.[a-z0-9]+$/i.test(sitePath) &&
    ctx.fileExists(path.join(ctx.publicDir, ...sitePath.split('/').filter(Boolean)))
  )
    return false;
  const from = normalizeRedirectPath(sitePath);
  if (isLivePath(targets, from)) return false;
  let to = targets.redirects.get(from);
  if (to === undefined) return false;
  // An old path may redirect to another old path: follow it to where a reader lands.
  for (const seen = new Set([from]); !isExternalTarget(to) && targets.redirects.has(to) && !seen.has(to);) {
    seen.add(to);
    to = targets.redirects.get(to)!;
  }
  const hash = anchor !== undefined ? `#${anchor}` : '';
  const [category = '', slug] = to.split('/').filter(Boolean);
  const article = isExternalTarget(to) || slug === undefined ? undefined : targets.articles.get(`${category}/${slug}`);
  const replacement = article ? `${relativeLink(doc, article)}${hash}` : isExternalTarget(to) ? to : `${to}${hash}`;
  const edit = findUrlEdit(doc, link, replacement);
  report(
    'redirected-link',
    `${shown} is an old path that redirects to ${isExternalTarget(to) ? to : withBase(ctx.settings.base, to)}; link to ${replacement} instead${edit ? ' (--fix does this)' : ''}`,
    edit ? [edit] : undefined,
  );
  if (article && anchor && !hasHeading(article, anchor))
    report('broken-anchor', describeMissingAnchor(`#${anchor}`, article.entry.file, article));
  return true;
}

/** A page of the site at this normalised path (built-in, category or article): it wins over a redirect. */
function isLivePath(targets: Targets, sitePath: string): boolean {
  const parts = sitePath.split('/').filter(Boolean);
  if (parts.length === 0 || (parts.length === 1 && ['faq', 'search', '404'].includes(parts[0]!))) return true;
  if (parts.length === 1) return targets.categories.has(parts[0]!);
  return parts.length === 2 && targets.articles.has(`${parts[0]}/${parts[1]}`) && sitePath.endsWith('/');
}

/** The edit that replaces the link's destination as written in the file; undefined when it is not written plainly. */
function findUrlEdit(doc: LintDocument, link: LinkFact, replacement: string): TextEdit | undefined {
  const source = doc.entry.source;
  const from = doc.bodyStart + link.offset;
  const lead =
    link.kind === 'html-link' ? /href\s*=\s*["']?/gi : link.kind === 'definition' ? /\]:\s*<?/g : /\]\(\s*<?/g;
  lead.lastIndex = from;
  const match = lead.exec(source);
  if (!match) return undefined;
  const start = match.index + match[0].length;
  if (source.slice(start, start + link.url.length) !== link.url) return undefined;
  // The destination must belong to this link, not to a later one on the same line.
  if (source.slice(from, match.index).includes('\n\n')) return undefined;
  return { start, end: start + link.url.length, text: replacement };
}

/** "(../account/reset.md) or a site path (/account/reset/)", from the site's own articles. */
function describeExampleLinks(targets: Targets, doc: LintDocument): string {
  const others = [...targets.articles.values()].filter((d) => d !== doc);
  const other = others.find((d) => d.entry.category === doc.entry.category) ?? others[0];
  if (!other) return ' (../<category>/<slug>.md) or a site path (/<category>/<slug>/)';
  return ` (${relativeLink(doc, other)}) or a site path (/${other.entry.category}/${other.entry.id}/)`;
}

function checkSitePath(
  ctx: LintContext,
  targets: Targets,
  doc: LintDocument,
  rawPath: string,
  anchor: string | undefined,
  isImage: boolean,
  shown: string,
  report: Report,
): void {
  const sitePath = safeDecode(rawPath);
  const publicFile = path.join(ctx.publicDir, ...sitePath.split('/').filter(Boolean));
  if (/\.[a-z0-9]+$/i.test(sitePath)) {
    if (ctx.fileExists(publicFile)) return;
    if (isImage || IMAGE_EXT.test(sitePath))
      report(
        'missing-image',
        `${shown} is not in public/ (no file ${toRootPath(ctx, publicFile)}); add the file or fix the name`,
      );
    else report('broken-link', `${shown} is not a page or a file in public/ (no file ${toRootPath(ctx, publicFile)})`);
    return;
  }
  if (isImage) {
    report('missing-image', `${shown} is a page, not an image; images are written /images/<file>`);
    return;
  }
  const parts = sitePath.split('/').filter(Boolean);
  const base = ctx.settings.base.replace(/\/+$/, '');
  const baseHint = base && sitePath.startsWith(`${base}/`) ? `; leave out the base ${base}, the build adds it` : '';
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'search')) return;
  if (parts.length === 1 && parts[0] === 'faq') {
    if (anchor && !targets.faqs.has(anchor) && !anchor.startsWith('topic-')) {
      report(
        'broken-anchor',
        `${shown}: there is no FAQ "${anchor}"; FAQ anchors are the FAQ's file name, like /faq/#${[...targets.faqs.keys()][0] ?? 'slug'}`,
      );
    } else if (anchor && isDraftTarget(targets.faqs.get(anchor), doc)) {
      report('broken-link', `${shown} is a draft FAQ, which is not published`);
    }
    return;
  }
  const [category = '', slug] = parts;
  if (parts.length > 2 || !targets.categories.has(category)) {
    report('broken-link', `there is no page ${shown}${baseHint || suggestSitePath(targets, parts)}`);
    return;
  }
  if (slug === undefined) {
    const faq = anchor ? targets.faqs.get(anchor) : undefined;
    if (anchor && (!faq || faq.entry.category !== category)) {
      report('broken-anchor', `${shown}: the ${category} page has no FAQ "${anchor}"`);
    }
    return;
  }
  const target = targets.articles.get(`${category}/${slug}`);
  const unloaded = ['md', 'mdx'].some((ext) =>
    ctx.fileExists(path.join(ctx.content.contentDir, 'articles', category, `${slug}.${ext}`)),
  );
  if (!target && unloaded) return;
  if (!target) report('broken-link', `there is no article ${shown}${suggestSitePath(targets, parts)}`);
  else if (isDraftTarget(target, doc))
    report('broken-link', `${shown} is a draft, which is not published; the link would be broken on the live site`);
  else if (anchor && !hasHeading(target, anchor))
    report('broken-anchor', describeMissingAnchor(`#${anchor}`, target.entry.file, target));
}

function isDraftTarget(target: LintDocument | undefined, from: LintDocument): boolean {
  return Boolean(target?.entry.data.draft && !from.entry.data.draft);
}

function checkBareUrls(ctx: LintContext, doc: LintDocument): Finding[] {
  const out: Finding[] = [];
  for (const text of doc.facts.text) {
    if (text.inLink || !(text.text.includes('://') || text.text.includes('www.'))) continue;
    for (const match of text.text.matchAll(BARE_URL)) {
      const raw = match[0].replace(/[.,;:!?]+$/, '');
      const host = getHost(raw.startsWith('www.') ? `https://${raw}` : raw);
      if (host && !isAllowedHost(host, ctx.settings.allowedDomains)) {
        out.push(
          createBodyFinding(doc, 'external-link', text.offset + match.index, describeExternal(host, getSiteFile(ctx))),
        );
      }
    }
  }
  return out;
}

function getHost(url: string): string | undefined {
  if (!/^(https?:)?\/\//i.test(url)) return undefined;
  try {
    return new URL(url, 'https://invalid.invalid').hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  return allowed.some((d) => host === d || host.endsWith(`.${d}`));
}

function describeExternal(host: string, siteFile: string): string {
  return `links to ${host}, which is not the help center's domain or in lint.allowedDomains; remove the link, or add the domain to lint.allowedDomains in ${siteFile} if it is trusted`;
}

/** A heading's id, or an HTML element's (`<a id="x"></a>`): both are on the page. */
function hasHeading(doc: LintDocument, anchor: string): boolean {
  return doc.facts.headings.some((h) => h.id === anchor) || doc.facts.htmlIds.includes(anchor);
}

function describeMissingAnchor(anchor: string, where: string, target: LintDocument): string {
  const ids = target.facts.headings.filter((h) => h.depth > 1).map((h) => `#${h.id}`);
  const list =
    ids.length === 0
      ? 'it has no headings'
      : `its headings are ${ids.slice(0, 6).join(', ')}${ids.length > 6 ? ', ...' : ''}`;
  return `${anchor} is not a heading in ${where}; ${list}`;
}

function suggestFile(
  targets: Targets,
  kind: 'article' | 'faq',
  category: string,
  slug: string,
  from: LintDocument,
): string {
  const near = findNear(
    kind === 'article' ? [...targets.articles.values()] : [...targets.faqs.values()],
    category,
    slug,
  );
  return near ? `; did you mean ${relativeLink(from, near)}?` : '';
}

function suggestSitePath(targets: Targets, parts: string[]): string {
  const [category = '', slug] = parts;
  if (slug === undefined || parts.length > 2) {
    const cat = findClosest(category, targets.categories);
    return cat ? `; did you mean /${cat}/?` : '';
  }
  const near = findNear([...targets.articles.values()], category, slug);
  return near ? `; did you mean /${near.entry.category}/${near.entry.id}/?` : '';
}

/** The same slug in another category, or the closest slug (same category first). */
function findNear(pool: LintDocument[], category: string, slug: string): LintDocument | undefined {
  const same = pool.find((d) => d.entry.id === slug);
  if (same) return same;
  const inCategory = pool.filter((d) => d.entry.category === category);
  for (const group of [inCategory, pool]) {
    const near = findClosest(slug, group, (d) => d.entry.id);
    if (near) return near;
  }
  return undefined;
}

function relativeLink(from: LintDocument, to: LintDocument): string {
  return path.posix.relative(path.posix.dirname(from.contentPath), to.contentPath);
}

function getSiteFile(ctx: LintContext): string {
  return toRootPath(ctx, path.join(ctx.content.contentDir, 'site.yaml'));
}

function toRootPath(ctx: LintContext, abs: string): string {
  return path.relative(ctx.root, abs).split(path.sep).join('/');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
