/**
 * Links and images: every internal link must reach a published page (and its #heading), every
 * image must exist and have alt text, and external links must go to allowed domains.
 * Resolution is src/content/links.ts, the same the build uses to rewrite links.
 */
import path from 'node:path';
import { resolveLink } from '../../../content/links.ts';
import { createBodyFinding, type Finding, type LintContext, type LintDocument } from '../context.ts';
import type { LinkFact } from '../markdown-facts.ts';
import { findClosest } from '../../../lib/did-you-mean.ts';

const IMAGE_EXT = /\.(png|jpe?g|gif|svg|webp|avif|ico|bmp)$/i;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`()[\]{}]+/gi;

interface Targets {
  articles: Map<string, LintDocument>;
  faqs: Map<string, LintDocument>;
  categories: Set<string>;
}

export function checkLinks(ctx: LintContext): Finding[] {
  const targets = indexTargets(ctx);
  const findings: Finding[] = [];
  for (const doc of ctx.documents) {
    for (const link of doc.facts.links) findings.push(...checkLink(ctx, targets, doc, link));
    if (ctx.isEnabled('external-link')) findings.push(...checkBareUrls(ctx, doc));
  }
  return findings;
}

function indexTargets(ctx: LintContext): Targets {
  const articles = new Map<string, LintDocument>();
  const faqs = new Map<string, LintDocument>();
  for (const doc of ctx.documents) {
    if (doc.entry.kind === 'article') articles.set(`${doc.entry.category}/${doc.entry.id}`, doc);
    else faqs.set(doc.entry.id, doc);
  }
  return { articles, faqs, categories: new Set(ctx.content.categories.map((c) => c.id)) };
}

function checkLink(ctx: LintContext, targets: Targets, doc: LintDocument, link: LinkFact): Finding[] {
  const isImage = link.kind === 'image' || link.kind === 'html-image';
  const out: Finding[] = [];
  const report = (ruleId: Finding['ruleId'], message: string) => {
    if (ctx.isEnabled(ruleId)) out.push(createBodyFinding(doc, ruleId, link.offset, message));
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
      if (host && !isAllowedHost(host, ctx.settings.allowedDomains)) report('external-link', describeExternal(host));
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
      const wanted = `content/${resolved.contentPath}`;
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
          `${shown} is a relative link the site cannot resolve; link to the Markdown file (../billing/refunds.md) or a site path (/billing/refunds/)`,
        );
      }
      break;
    }
  }
  return out;
}

function checkSitePath(
  ctx: LintContext,
  targets: Targets,
  doc: LintDocument,
  rawPath: string,
  anchor: string | undefined,
  isImage: boolean,
  shown: string,
  report: (ruleId: Finding['ruleId'], message: string) => void,
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
        out.push(createBodyFinding(doc, 'external-link', text.offset + match.index, describeExternal(host)));
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

function describeExternal(host: string): string {
  return `links to ${host}, which is not the help center's domain or in lint.allowedDomains; remove the link, or add the domain to lint.allowedDomains in content/site.yaml if it is trusted`;
}

function hasHeading(doc: LintDocument, anchor: string): boolean {
  return doc.facts.headings.some((h) => h.id === anchor);
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
