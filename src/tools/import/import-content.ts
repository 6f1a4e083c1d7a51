/**
 * `helpdesk-kit import`: another help desk's export or another generator's folder, into our
 * content folder, so that the first build passes, every old URL still works (as a redirect) and
 * search finds every article. Reads the source, plans every file, then writes them (not on a
 * dry run, and never over a writer's changed file without `force`). Returns what it did; the CLI
 * prints it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml, parseDocument, stringify as stringifyYaml } from 'yaml';
import { CATEGORIES_FILE } from '../../content/paths.ts';
import { REDIRECTS_FILE } from '../../content/redirects-file.ts';
import { normalizeRedirectPath } from '../../content/redirects.ts';
import {
  getArticlePath,
  getCategoryPath,
  getFaqIndexPath,
  getHomePath,
  getSearchPath,
  RESERVED_SEGMENTS,
} from '../../content/routes.ts';
import { parseSourceFile } from './frontmatter.ts';
import { getContentLayout, placeGroup, type ContentLayout } from './layout.ts';
import { planVoteBaselineFile, readHostedExport, ImportSourceError } from './sources/hosted.ts';
import { readMarkdownFolder } from './sources/markdown-folder.ts';
import {
  getNameProblem,
  getPlacementRefusal,
  getSlugProblem,
  getSourceFileProblem,
  resolveInside,
  resolvePlannedTarget,
  screenSourcePages,
  writeFileInside,
  type ImportRefusal,
} from './safe-paths.ts';
import { slugOrFallback, toSlug } from './slugs.ts';
import { addUnsafeCounts, formatUnsafeCounts } from '../../lib/sanitize-html.ts';
import { recordUnsafeHtml } from './html-to-markdown.ts';
import { sanitizeMarkdown } from './sanitize-markdown.ts';
import { splitFaqPage, type FaqSection } from './split-faq.ts';
import { hasTemplateSyntax, mapProse, REF_PREFIX, UNKNOWN_PREFIX } from './template-syntax.ts';
import { getMarkdownFacts } from '../lint/markdown-facts.ts';
import { extractZipExport } from './unzip-export.ts';
import type {
  ConversionCounts,
  ImportResult,
  ImportSource,
  ImportSummary,
  PlannedFile,
  SourceGroup,
  SourcePage,
  SourceSet,
} from './types.ts';

export { ImportSourceError };

export interface ImportOptions {
  /** The export file or folder, or the generator's project folder (absolute). */
  source: string;
  from: ImportSource;
  /** The content folder to write (absolute); public/ is its sibling. */
  outDir: string;
  dryRun?: boolean;
  force?: boolean;
  /** Pages of question headings become one FAQ entry per question (split-faq.ts). */
  splitFaq?: boolean;
  /**
   * The old site's address: links to its pages that were not imported point there. Default: the
   * address the source's config names (Hugo baseURL, Jekyll url); without one such links become
   * their text, and are listed.
   */
  oldSite?: string;
  /**
   * The team or person who keeps the imported articles up to date, written as `owner` on each
   * (and each translation). Without it an article keeps its source's own owner or author, if the
   * source names one; nothing else is made up.
   */
  owner?: string;
  /** Called per page while planning large imports. */
  onProgress?: (done: number, total: number) => void;
}

interface PlannedPage {
  page: SourcePage;
  slug: string;
  folders: string[];
  /** Content path relative to the content folder: "articles/billing/refunds.md". */
  contentPath: string;
  /** The new site path of the default-language page; for a page split into FAQs, its category page. */
  sitePath: string;
  /** With --split-faq: the FAQ entries the page became (then it is no article). */
  faqs?: PlannedFaq[];
}

interface PlannedFaq {
  section: FaqSection;
  slug: string;
  /** "faqs/billing/how-do-i-pay.md", relative to the content folder. */
  contentPath: string;
}

const SITE_FILE = 'site.yaml';
/** The temporary folder a Document360 ZIP is unpacked in starts so; it is removed however the import ends. */
export const IMPORT_TEMP_PREFIX = 'helpdesk-kit-import-';

export function importContent(options: ImportOptions): ImportResult {
  const counts: ConversionCounts = {
    converted: [],
    templateSyntaxRemoved: [],
    unsafeHtmlRemoved: new Map(),
    includesToFill: [],
  };
  if (!existsSync(options.source))
    throw new ImportSourceError(`${options.source} does not exist; pass the export file or folder you saved`);
  const refused: ImportRefusal[] = [];
  let tempDir: string | undefined;
  try {
    const makeTempDir = () => (tempDir = mkdtempSync(path.join(os.tmpdir(), IMPORT_TEMP_PREFIX)));
    const { set, sourceRoot } = readSource(options, counts, refused, makeTempDir);
    return planAndWrite(set, options, counts, refused, sourceRoot);
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

function readSource(
  options: ImportOptions,
  counts: ConversionCounts,
  refused: ImportRefusal[],
  makeTempDir: () => string,
): { set: SourceSet; sourceRoot: string } {
  const { from, source } = options;
  if (from === 'document360' && statSync(source).isFile()) {
    if (!/\.zip$/i.test(source))
      throw new ImportSourceError(
        `${source} is not a ZIP file; pass Document360's export ZIP or the folder it unpacks to`,
      );
    const dir = makeTempDir();
    refused.push(...extractZipExport(source, dir));
    return { set: readMarkdownFolder('document360', dir, counts), sourceRoot: dir };
  }
  if (from === 'zendesk' || from === 'intercom' || from === 'helpscout' || from === 'freshdesk')
    return {
      set: readHostedExport(from, source, counts),
      sourceRoot: statSync(source).isDirectory() ? source : path.dirname(source),
    };
  if (!statSync(source).isDirectory())
    throw new ImportSourceError(`${source} is not a folder; pass the ${from} project's folder`);
  return { set: readMarkdownFolder(from, source, counts), sourceRoot: source };
}

/** Unique ids: the first keeps its id, later ones get "-2", "-3". */
function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function planAndWrite(
  set: SourceSet,
  options: ImportOptions,
  counts: ConversionCounts,
  refused: ImportRefusal[],
  sourceRoot: string,
): ImportResult {
  const layout = getContentLayout();
  const root = path.dirname(options.outDir);
  const contentName = path.basename(options.outDir);
  const summary: ImportSummary = {
    imported: [],
    skipped: [...set.skipped],
    renamed: [],
    redirects: 0,
    externalRedirects: 0,
    unresolvedLinks: [],
    imagesCopied: 0,
    imagesMissing: [],
    imagesRemote: [],
    converted: counts.converted,
    linksToOldSite: [],
    mediaMissing: [],
    templateSyntaxRemoved: counts.templateSyntaxRemoved,
    includesToFill: counts.includesToFill,
    unsafeHtmlRemoved: {},
    unsafeHtmlByOrigin: [],
    droppedKeys: {},
    mappings: [...set.mappings],
    translations: 0,
    faqSplits: [],
    faqNotSplit: [],
    refused,
  };
  // Locales and slugs of the source become folder and file names: unsafe ones leave their page out.
  const pages = screenSourcePages(set.pages, summary.refused, sourceRoot);
  const existingCategories = readYamlArray(path.join(options.outDir, CATEGORIES_FILE));

  // Categories and sections: ids from titles, unique, never a built-in route.
  const categoryIds = new Map<string, string>();
  const takenCategories = new Set<string>(existingCategories.map((c) => String(c.id)));
  const sectionIds = new Map<string, string>();
  const takenSections = new Map<string, Set<string>>();
  const categoryOf = (p: SourcePage) => {
    let id = categoryIds.get(p.category.key);
    if (!id) {
      let base = slugOrFallback(p.category.title, p.category.key, 'general');
      if ((RESERVED_SEGMENTS as readonly string[]).includes(base)) base = `${base}-help`;
      const existing = existingCategories.find(
        (c) =>
          typeof c.title === 'string' &&
          c.title.toLowerCase() === p.category.title.toLowerCase() &&
          typeof c.id === 'string',
      );
      id = existing ? String(existing.id) : uniqueId(base, takenCategories);
      categoryIds.set(p.category.key, id);
    }
    return id;
  };
  const sectionOf = (p: SourcePage, categoryId: string) => {
    if (!p.section) return undefined;
    const key = `${categoryId}\u0000${p.section.key}`;
    let id = sectionIds.get(key);
    if (!id) {
      const taken = takenSections.get(categoryId) ?? new Set<string>();
      takenSections.set(categoryId, taken);
      id = uniqueId(slugOrFallback(p.section.title, p.section.key), taken);
      sectionIds.set(key, id);
    }
    return id;
  };

  // Default-language pages first, in source order, so renames are the same on every run.
  const defaults = pages
    .filter((p) => !p.locale)
    .sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));
  const translations = pages.filter((p) => p.locale);
  const redirectOnly = defaults.filter((p) => p.redirectTo);
  const articles = defaults.filter((p) => !p.redirectTo);
  const faqSections = findFaqPages(articles, translations, summary, options.splitFaq ?? false);
  const existingFaqSlugs = listExistingSlugs(path.join(options.outDir, 'faqs'), 'question');
  // The site has a FAQ page only with FAQs: without, an old /faq/ may redirect to an article.
  const hasFaqPage = existingFaqSlugs.size > 0 || faqSections.size > 0;
  // Old paths of every page: a new article path must not be one of another page's (it would take its URL).
  const oldPathOwner = new Map<string, SourcePage>();
  for (const p of articles)
    for (const u of p.oldUrls) {
      const sp = toSitePath(u);
      if (sp && !oldPathOwner.has(normalizeRedirectPath(sp).toLowerCase()))
        oldPathOwner.set(normalizeRedirectPath(sp).toLowerCase(), p);
    }
  const takenFaqSlugs = new Set<string>();
  const takenSlugs = new Set<string>();
  // Slugs of the content folder's own articles are taken, except by the file this import wrote there before.
  const existingSlugs = listExistingSlugs(path.join(options.outDir, 'articles'));
  const planned: PlannedPage[] = [];
  // Pages the content folder already has: an old path there must not redirect (the build would refuse).
  const existingLive = new Set([
    ...existingCategories.map((c) => getCategoryPath(String(c.id)).toLowerCase()),
    ...[...existingSlugs.entries()].map(([slug, e]) => getArticlePath(e.path.split('/')[1] ?? '', slug).toLowerCase()),
  ]);
  const groupsUsed = new Map<string, { page: SourcePage; sectionId?: string; categoryId: string }>();
  for (const page of articles) {
    const categoryId = categoryOf(page);
    const sectionId = sectionOf(page, categoryId);
    const refusal = getPlacementRefusal(page, categoryId, sectionId);
    if (refusal) {
      summary.refused.push(refusal);
      continue;
    }
    const place = placeGroup(layout, categoryId, sectionId);
    groupsUsed.set(`${place.categoryId}\u0000${place.sectionId ?? ''}`, { page, sectionId, categoryId });
    const sections = faqSections.get(page);
    if (sections) {
      const faqs = sections.map((section, i) => {
        const pathFor = (s: string) => ['faqs', ...place.folders, `${s}.md`].join('/');
        // A re-import finds its own file at the same path, with the same question: that is no clash.
        const usedElsewhere = (s: string) => {
          if (takenFaqSlugs.has(s)) return true;
          const existing = existingFaqSlugs.get(s);
          return existing !== undefined && (existing.path !== pathFor(s) || existing.title !== section.question);
        };
        // The old heading id as the slug keeps `page#question` landing on the question (the slug is its anchor).
        let slug = section.anchor;
        if (getSlugProblem(slug) || usedElsewhere(slug)) {
          const base = slugOrFallback(section.question, `${page.slugHint}-${i + 1}`);
          slug = base;
          for (let n = 2; usedElsewhere(slug); n++) slug = `${base}-${n}`;
        }
        takenFaqSlugs.add(slug);
        return { section, slug, contentPath: pathFor(slug) };
      });
      planned.push({
        page,
        slug: '',
        folders: place.folders,
        contentPath: faqs[0]!.contentPath,
        sitePath: getCategoryPath(place.categoryId),
        faqs,
      });
      continue;
    }
    let slug = page.slugHint || slugOrFallback(page.title);
    let reason: string | undefined;
    const pathFor = (s: string) => ['articles', ...place.folders, `${s}.md`].join('/');
    // An existing file at the same path with the same title is this page, imported before: a re-import, not a clash.
    const usedElsewhere = (s: string) => {
      if (takenSlugs.has(s)) return true;
      const owner = oldPathOwner.get(getArticlePath(place.categoryId, s).toLowerCase());
      if (owner && owner !== page) return true;
      const existing = existingSlugs.get(s);
      return existing !== undefined && (existing.path !== pathFor(s) || existing.title !== page.title.slice(0, 120));
    };
    if (usedElsewhere(slug)) {
      const owner = oldPathOwner.get(getArticlePath(place.categoryId, slug).toLowerCase());
      const other =
        planned.find((p) => p.slug === slug)?.page.origin ??
        (owner && owner !== page && !takenSlugs.has(slug)
          ? `${owner.origin}'s old URL ${getArticlePath(place.categoryId, slug)}`
          : `${contentName}/${existingSlugs.get(slug)?.path}`);
      reason = `the slug "${slug}" is already used by ${other}`;
      let next = `${sectionId ?? categoryId}-${slug}`;
      for (let n = 2; usedElsewhere(next); n++) next = `${sectionId ?? categoryId}-${slug}-${n}`;
      slug = next;
    }
    takenSlugs.add(slug);
    const fileName = path.posix.basename(page.origin).replace(/\.[a-z]+$/i, '');
    if (!reason && page.sourceDir && fileName !== slug) reason = `"${path.posix.basename(page.origin)}" is not a slug`;
    const contentPath = ['articles', ...place.folders, `${slug}.md`].join('/');
    if (reason) summary.renamed.push({ origin: page.origin, file: `${contentName}/${contentPath}`, reason });
    planned.push({
      page,
      slug,
      folders: place.folders,
      contentPath,
      sitePath: getArticlePath(place.categoryId, slug),
    });
  }

  // Lookups for links: source keys, and old paths (lowercase, since old sites often differ in case).
  const byKey = new Map<string, PlannedPage>();
  const byOldPath = new Map<string, PlannedPage>();
  const pathKey = (url: string) =>
    normalizeRedirectPath(decodeSafe(url.replace(/\.html?$/i, '').replace(/\/index$/i, '/'))).toLowerCase();
  for (const p of planned) {
    for (const k of p.page.linkKeys) if (!byKey.has(k)) byKey.set(k, p);
    for (const u of p.page.oldUrls) {
      const sitePath = toSitePath(u);
      if (sitePath) {
        byOldPath.set(pathKey(sitePath), p);
        if (set.basePath && sitePath.startsWith(set.basePath))
          byOldPath.set(pathKey(sitePath.slice(set.basePath.length) || '/'), p);
      }
    }
  }

  const files: PlannedFile[] = [];
  const images = new Map<string, string>();
  const listed: Array<{ from: string; to: string }> = [];
  const oldSite = options.oldSite ?? set.siteUrl;
  const sectionsOf = new Map<string, Set<string>>();
  const addSection = (category: string, section: unknown) => {
    if (typeof section !== 'string' && typeof section !== 'number') return;
    if (!sectionsOf.has(category)) sectionsOf.set(category, new Set());
    sectionsOf.get(category)!.add(String(section));
  };
  for (const q of planned) if (q.folders.length > 1) addSection(q.folders[0]!, q.folders[1]);
  for (const c of existingCategories)
    for (const sec of Array.isArray(c.sections) ? (c.sections as Array<{ id?: unknown }>) : [])
      addSection(String(c.id), sec?.id);
  /** `/<category>/<section>/<slug>/` of the page's own category and slug and a section of that category. */
  const isSectionShaped = (from: string, p: PlannedPage) => {
    const [category, section, slug, ...rest] = from.split('/').filter(Boolean);
    const [ownCategory, ownSlug] = p.sitePath.split('/').filter(Boolean);
    if (rest.length > 0 || !category || !section || category !== ownCategory || slug !== ownSlug) return false;
    return !!sectionsOf.get(p.folders[0]!)?.has(section);
  };
  // Hugo's ref lookups ignore case ("Admin/Backup" finds admin/backup.md): so do ours, after an exact match.
  const byKeyLower = new Map<string, PlannedPage>();
  for (const [k, p] of byKey) if (!byKeyLower.has(k.toLowerCase())) byKeyLower.set(k.toLowerCase(), p);
  const findKey = (keys: string[]) =>
    findByKey(byKey, keys) ??
    findByKey(
      byKeyLower,
      keys.map((k) => k.toLowerCase()),
    );
  const headingIds = new Map<PlannedPage, Set<string>>();
  const idsOf = (p: PlannedPage) => {
    let ids = headingIds.get(p);
    if (!ids) {
      // Headings' ids, and the ids of HTML elements in the body (`<a id="faq-1"></a>`), which links may target too.
      const facts = getMarkdownFacts(p.page.body);
      headingIds.set(p, (ids = new Set([...facts.headings.map((h) => h.id), ...facts.htmlIds])));
    }
    return ids;
  };
  /** The anchor as one of the page's heading ids (the same id in another case, or slugged); undefined when none is. */
  const matchAnchor = (p: PlannedPage, anchor: string): string | undefined => {
    const ids = idsOf(p);
    if (ids.has(anchor)) return anchor;
    const lower = anchor.toLowerCase();
    const slugged = toSlug(anchor);
    return [...ids].find((id) => id.toLowerCase() === lower) ?? (ids.has(slugged) ? slugged : undefined);
  };

  const resolveLink = (from: PlannedPage, url: string, fromContentPath: string): string | undefined => {
    const [target = '', anchor] = url.split('#', 2) as [string, string | undefined];
    const toFile = (p: PlannedPage) => {
      let hash = anchor !== undefined && anchor !== '' ? `#${anchor}` : '';
      if (hash && !p.faqs) {
        // An anchor the page does not have would fail the build: the link goes to the page, and is listed.
        const id = matchAnchor(p, decodeSafe(anchor!));
        if (id === undefined)
          summary.unresolvedLinks.push({
            origin: from.page.origin,
            message: `${url}: #${anchor} is no heading of ${p.page.origin}; the link goes to the page`,
          });
        hash = id === undefined ? '' : `#${id}`;
      }
      if (!p.faqs) return `${path.posix.relative(path.posix.dirname(fromContentPath), p.contentPath)}${hash}`;
      // A page split into FAQs: `#question` (or a heading in its answer) is that FAQ's file; the page itself, its category.
      const faq = anchor !== undefined ? findFaqByAnchor(p.faqs, decodeSafe(anchor)) : undefined;
      return faq ? path.posix.relative(path.posix.dirname(fromContentPath), faq.contentPath) : p.sitePath;
    };
    if (target === '') return url;
    if (target.startsWith(REF_PREFIX)) {
      const ref = target
        .slice(REF_PREFIX.length)
        .replace(/^\.?\//, '')
        .replace(/\/$/, '');
      const relDir = path.posix.dirname(from.page.linkKeys[0] ?? '');
      // A ref names a file, a file without its extension, or a section (its _index.md).
      const forms = (r: string) => [r, `${r}.md`, `${r}/_index.md`, `${r}/index.md`, `${r}/README.md`];
      const found = findKey([
        ...forms(path.posix.join(relDir, ref)),
        ...forms(ref),
        ...forms(ref.replace(/^_?[^/]*\//, '')),
      ]);
      if (found) return toFile(found);
      const name = path.posix.basename(ref).toLowerCase().replace(/\.md$/, '');
      const byName = planned.find((p) =>
        p.page.linkKeys.some((k) => path.posix.basename(k).toLowerCase().replace(/\.md$/, '') === name),
      );
      return byName ? toFile(byName) : undefined;
    }
    if (/^(mailto|tel):/i.test(target)) return url;
    if (/^https?:\/\//i.test(target)) {
      const zendeskId = /\/articles\/(\d+)/.exec(target)?.[1];
      const byId = zendeskId ? (byKey.get(`zendesk:${zendeskId}`) ?? byKey.get(`intercom:${zendeskId}`)) : undefined;
      if (byId) return toFile(byId);
      const sitePath = toSitePath(target);
      if (set.siteUrl && target.startsWith(set.siteUrl) && sitePath) {
        const p = byOldPath.get(pathKey(sitePath));
        if (p) return toFile(p);
      }
      return url;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return url;
    if (target.startsWith('/')) {
      const p = byOldPath.get(pathKey(target));
      return p ? toFile(p) : undefined;
    }
    // Relative: a source file, or a path relative to the old URL.
    const relDir = path.posix.dirname(from.page.linkKeys[0] ?? '');
    const joined = path.posix.normalize(path.posix.join(relDir, decodeSafe(target))).replace(/\/$/, '');
    const found = findKey([
      joined,
      `${joined}.md`,
      `${joined}.mdx`,
      `${joined}/index.md`,
      `${joined}/_index.md`,
      `${joined}/README.md`,
      joined.replace(/\.html?$/i, '.md'),
    ]);
    if (found) return toFile(found);
    const oldBase = toSitePath(from.page.oldUrls[0] ?? '/') ?? '/';
    const oldDir = oldBase.endsWith('/') ? oldBase : path.posix.dirname(oldBase);
    const p = byOldPath.get(pathKey(path.posix.join(oldDir, target)));
    return p ? toFile(p) : undefined;
  };

  const resolveImage = (from: PlannedPage, src: string, kind: 'image' | 'media' | 'file' = 'image'): string => {
    if (/^https?:\/\//i.test(src) || src.startsWith('//')) {
      if (kind === 'image') summary.imagesRemote.push({ origin: from.page.origin, message: src });
      return src;
    }
    if (/^data:/i.test(src)) return src;
    if (src.startsWith(UNKNOWN_PREFIX) || src === '') {
      summary.imagesMissing.push({
        origin: from.page.origin,
        message: `${src.replace(UNKNOWN_PREFIX, '') || '(no address)'}: a template variable made its address`,
      });
      return MISSING_IMAGE;
    }
    const clean = decodeSafe(src.split(/[?#]/)[0]!);
    const candidates = clean.startsWith('/')
      ? set.staticDirs.flatMap((d) => [
          path.join(d, clean),
          ...(set.basePath && clean.startsWith(set.basePath) ? [path.join(d, clean.slice(set.basePath.length))] : []),
        ])
      : from.page.sourceDir
        ? [path.join(from.page.sourceDir, clean)]
        : [];
    const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
    // A hosted desk's site-relative attachment (`/hc/article_attachments/...`) is on the desk's host.
    if (!found && clean.startsWith('/') && set.staticDirs.length === 0 && set.siteUrl) {
      const remote = new URL(src, set.siteUrl).href;
      if (kind === 'image') summary.imagesRemote.push({ origin: from.page.origin, message: remote });
      return remote;
    }
    if (!found) {
      if (kind === 'media') summary.mediaMissing.push({ origin: from.page.origin, message: src });
      else
        summary.imagesMissing.push({
          origin: from.page.origin,
          message: kind === 'file' ? `${src} (a linked file; the link became its text)` : src,
        });
      return MISSING_IMAGE;
    }
    const problem = getSourceFileProblem(sourceRoot, found);
    if (problem) {
      summary.refused.push({
        origin: from.page.origin,
        title: from.page.title,
        field: 'image',
        value: src,
        reason: problem,
      });
      return MISSING_IMAGE;
    }
    let target = images.get(found);
    if (!target) {
      const slug = toSlug(path.basename(found).replace(/\.[^.]+$/, '')) || 'image';
      // "aux.png" is a slug but no file name Windows can have.
      const name = `${getNameProblem(slug) ? `image-${slug}` : slug}${path.extname(found).toLowerCase()}`;
      const dir = from.folders.join('/');
      let candidate = `images/imported/${dir}/${name}`;
      for (let n = 2; [...images.values()].includes(`/${candidate}`); n++)
        candidate = `images/imported/${dir}/${n}-${name}`;
      target = `/${candidate}`;
      images.set(found, target);
      files.push(plannedFile(root, `public${target}`, { copyFrom: found }));
      summary.imagesCopied++;
    }
    return target;
  };

  /** A link the import cannot resolve: to the old site when it knows it, else its text (listed either way). */
  const unresolved = (p: PlannedPage, url: string, why?: string): string => {
    const shown = url.startsWith(REF_PREFIX) ? `ref "${url.slice(REF_PREFIX.length)}"` : url;
    // Only a page the import does not have is on the old site; a missing anchor or a template's address is not.
    const oldUrl = oldSite && !why && !url.startsWith(REF_PREFIX) ? toOldSiteUrl(oldSite, p, url) : undefined;
    if (oldUrl) {
      summary.linksToOldSite.push({ origin: p.page.origin, message: `${url} -> ${oldUrl}` });
      return oldUrl;
    }
    summary.unresolvedLinks.push({
      origin: p.page.origin,
      message: `${shown}: ${why ?? 'no page of the import; the link became its text (--old-site <url> links the old site instead)'}`,
    });
    return DROP_LINK;
  };

  const rewriteLinks = (
    p: PlannedPage,
    body: string,
    fromContentPath: string,
    ownAnchor?: (a: string) => string | undefined,
  ) =>
    rewriteBody(body, (kind, url) => {
      if (kind === 'image') return resolveImage(p, url);
      if (kind === 'media') return resolveImage(p, url, 'media');
      if (url === '#' || url === '') {
        counts.converted.push({ origin: p.page.origin, message: 'link to nowhere ("#" or empty) -> its text' });
        return DROP_LINK;
      }
      if (url.startsWith(UNKNOWN_PREFIX))
        return unresolved(p, url, 'a template variable made its address; the link became its text');
      if (ownAnchor && url.startsWith('#')) return ownAnchor(decodeSafe(url.slice(1))) ?? url;
      if (url.startsWith('#') && !p.faqs) {
        const id = matchAnchor(p, decodeSafe(url.slice(1)));
        return id !== undefined
          ? `#${id}`
          : unresolved(p, url, 'no heading of this page has that id; the link became its text');
      }
      // A link to a file (a PDF, a picture): copied like an image when the source has it.
      if (ASSET_LINK.test(url.split(/[?#]/)[0]!) && !/^[a-z][a-z0-9+.-]*:/i.test(url)) {
        const asset = resolveImage(p, url, 'file');
        return asset === MISSING_IMAGE ? DROP_LINK : asset;
      }
      const resolved = resolveLink(p, url, fromContentPath);
      return resolved === undefined ? unresolved(p, url) : resolved;
    });

  // A page split into FAQs: a file per question, and its old URLs redirect to the category page that lists them.
  const planFaqFiles = (p: PlannedPage, faqs: PlannedFaq[]) => {
    const files_: string[] = [];
    for (const [i, faq] of faqs.entries()) {
      const own = new Set(faq.section.innerAnchors);
      // `#anchor` links between the page's own questions now go from one FAQ file to another.
      const body = rewriteLinks(p, faq.section.answer, faq.contentPath, (a) => {
        if (own.has(a)) return undefined;
        const other = findFaqByAnchor(faqs, a);
        return other ? path.posix.relative(path.posix.dirname(faq.contentPath), other.contentPath) : undefined;
      });
      const frontmatter = {
        question: faq.section.question,
        order: (p.page.order ?? 0) * 100 + i + 1,
        ...(p.page.tags.length ? { tags: p.page.tags } : {}),
        ...(p.page.draft ? { draft: true } : {}),
      };
      const file = `${contentName}/${faq.contentPath}`;
      files.push(plannedFile(root, file, { text: toMarkdownFile(frontmatter, body, counts, p.page.origin) }));
      summary.imported.push({ file, origin: `${p.page.origin}#${faq.section.anchor}` });
      files_.push(file);
    }
    for (const key of p.page.droppedKeys) summary.droppedKeys[key] = (summary.droppedKeys[key] ?? 0) + 1;
    const from = collectRedirects(p, summary, byOldPath, pathKey, planned, existingLive, hasFaqPage, false);
    for (const old of from) {
      // Server redirects and the build's redirect pages both keep the #question a reader came with.
      listed.push({ from: old, to: p.sitePath });
    }
    summary.faqSplits.push({
      origin: p.page.origin,
      files: files_,
      redirects: from.map((f) => `${f} -> ${p.sitePath}`),
      anchorsChanged: faqs.filter((f) => f.slug !== f.section.anchor).map((f) => `#${f.section.anchor} -> #${f.slug}`),
    });
  };

  let done = 0;
  for (const p of planned) {
    options.onProgress?.(++done, planned.length + translations.length);
    if (p.faqs) {
      planFaqFiles(p, p.faqs);
      continue;
    }
    const body = rewriteLinks(p, p.page.body, p.contentPath);
    const { description, body: rest } = deriveDescription(p.page, dropTitleHeading(body, p.page.title));
    const redirectFrom = collectRedirects(p, summary, byOldPath, pathKey, planned, existingLive, hasFaqPage).filter(
      (from) => {
        // The old site's /<category>/<section>/<slug>/ was real, but in redirectFrom lint's
        // redirect-unneeded reads it as a writer's slip (sections are not in our URLs): it goes to
        // redirects.yaml, whose targets lint and the build check.
        if (!isSectionShaped(from, p)) return true;
        listed.push({ from, to: p.sitePath });
        return false;
      },
    );
    for (const key of p.page.droppedKeys) summary.droppedKeys[key] = (summary.droppedKeys[key] ?? 0) + 1;
    const owner = options.owner ?? p.page.owner;
    const frontmatter = {
      title: p.page.title.slice(0, 120),
      description,
      ...(owner ? { owner } : {}),
      ...(p.page.tags.length ? { tags: p.page.tags } : {}),
      ...(p.page.order !== undefined ? { order: p.page.order } : {}),
      ...(p.page.featured ? { featured: true } : {}),
      ...(p.page.draft ? { draft: true } : {}),
      ...(p.page.updated ? { updated: p.page.updated } : {}),
      ...(redirectFrom.length ? { redirectFrom } : {}),
    };
    files.push(
      plannedFile(root, `${contentName}/${p.contentPath}`, {
        text: toMarkdownFile(frontmatter, rest, counts, p.page.origin),
      }),
    );
    summary.imported.push({ file: `${contentName}/${p.contentPath}`, origin: p.page.origin });
  }

  // Translations: the same relative path under <locale>/, with their own old URLs.
  for (const t of translations) {
    options.onProgress?.(++done, planned.length + translations.length);
    const original = t.translationOf ? findByKey(byKey, [...t.linkKeys, t.translationOf]) : undefined;
    if (!original) {
      summary.skipped.push({
        origin: t.origin,
        message: `a ${t.locale} translation without its ${set.language ?? 'default-language'} article`,
      });
      continue;
    }
    const locale = t.locale!.toLowerCase();
    const contentPath = `${locale}/${original.contentPath}`;
    const tp: PlannedPage = { ...original, page: t, contentPath };
    const body = rewriteBody(t.body, (kind, url) =>
      kind === 'image' || kind === 'media' ? resolveImage(tp, url, kind) : (resolveLink(tp, url, contentPath) ?? url),
    );
    const { description, body: rest } = deriveDescription(t, dropTitleHeading(body, t.title));
    const redirectFrom = [
      ...new Set(
        t.oldUrls
          .map(toSitePath)
          .filter((u): u is string => !!u)
          .map(normalizeRedirectPath),
      ),
    ];
    summary.redirects += redirectFrom.length;
    const owner = options.owner ?? t.owner ?? original.page.owner;
    const frontmatter = {
      title: t.title.slice(0, 120),
      description,
      ...(owner ? { owner } : {}),
      ...(t.tags.length ? { tags: t.tags } : {}),
      ...(t.draft ? { draft: true } : {}),
      ...(t.updated ? { updated: t.updated } : {}),
      ...(redirectFrom.length ? { redirectFrom } : {}),
    };
    files.push(
      plannedFile(root, `${contentName}/${contentPath}`, {
        text: toMarkdownFile(frontmatter, rest, counts, t.origin),
      }),
    );
    summary.imported.push({ file: `${contentName}/${contentPath}`, origin: t.origin });
    summary.translations++;
  }

  // Pages that only redirected: a redirect each, to our page or to the URL they named.
  for (const r of redirectOnly) {
    const target = r.redirectTo!;
    const internal = /^https?:\/\//i.test(target)
      ? undefined
      : (byOldPath.get(pathKey(target)) ?? findByKey(byKey, [target]));
    const to = internal ? internal.sitePath : /^https?:\/\//i.test(target) ? target : undefined;
    if (!to) {
      summary.skipped.push({
        origin: r.origin,
        message: `redirect_to "${target}" is not a page of the import or a full URL; add the redirect by hand`,
      });
      continue;
    }
    for (const u of r.oldUrls) {
      const from = toSitePath(u);
      if (!from || byOldPath.has(pathKey(from)) || listed.some((l) => pathKey(l.from) === pathKey(from))) continue;
      if (normalizeRedirectPath(from) === normalizeRedirectPath(to)) continue;
      listed.push({ from: normalizeRedirectPath(from), to });
      if (/^https?:/.test(to)) summary.externalRedirects++;
      else summary.redirects++;
    }
    summary.skipped.push({
      origin: r.origin,
      message: `only redirected (to ${target}): written as a redirect in ${contentName}/${REDIRECTS_FILE}`,
    });
  }
  if (listed.length > 0) {
    const existing = readYamlArray(path.join(options.outDir, REDIRECTS_FILE));
    const added = listed.filter((l) => !existing.some((e) => e.from === l.from));
    if (added.length) files.push(appendedYamlFile(root, `${contentName}/${REDIRECTS_FILE}`, added));
  }

  files.push(...categoryFiles(root, contentName, layout, existingCategories, groupsUsed, categoryIds));
  const voteBaseline = planVoteBaselineFile(root, contentName, planned);
  if (voteBaseline) files.push(voteBaseline);
  const siteFile = siteSettingsFile(root, contentName, set, translations, layout);
  if (siteFile) files.push(siteFile);
  for (const [origin, removed] of counts.unsafeHtmlRemoved) {
    addUnsafeCounts(summary.unsafeHtmlRemoved, removed);
    summary.unsafeHtmlByOrigin.push({ origin, message: formatUnsafeCounts(removed) });
  }

  const kept = files.filter((f) => f.exists && !options.force).map((f) => f.path);
  // Every target is checked before the first write (a dry run too), so a bad one writes nothing at all.
  const targets = files.map((file) => ({ file, ...resolvePlannedTarget(options.outDir, file.path) }));
  if (!options.dryRun) {
    for (const { file, baseDir, relative } of targets) {
      if (file.exists && !options.force) continue;
      writeFileInside(baseDir, relative, file.copyFrom ? { copyFrom: file.copyFrom } : { data: file.text ?? '' });
    }
  }
  return { summary, files, kept, written: !options.dryRun };
}

function listExistingSlugs(
  articlesDir: string,
  titleKey: 'title' | 'question' = 'title',
): Map<string, { path: string; title?: string }> {
  const slugs = new Map<string, { path: string; title?: string }>();
  if (!existsSync(articlesDir)) return slugs;
  for (const entry of readdirSync(articlesDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
    const abs = path.join(entry.parentPath, entry.name);
    const rel = path.relative(path.dirname(articlesDir), abs).split(path.sep).join('/');
    const title = parseSourceFile(readFileSync(abs, 'utf8')).data[titleKey];
    slugs.set(entry.name.replace(/\.mdx?$/, ''), { path: rel, title: typeof title === 'string' ? title : undefined });
  }
  return slugs;
}

/** A Markdown heading line that ends in a question mark (its `{#id}` aside): only such pages are parsed. */
const QUESTION_HEADING = /^ {0,3}#{1,6}[ \t].*[?\uFF1F\u061F][ \t]*(?:\{#[^}\n]*\})?[ \t]*$/m;

/**
 * With --split-faq, the pages to split: FAQ-shaped ones without translations (a translation
 * would need splitting the same way). Pages with question headings that are not FAQ-shaped
 * stay articles and are listed with the reason. Without it, FAQ-shaped pages are listed, so the
 * writer hears that the option exists.
 */
function findFaqPages(
  pages: SourcePage[],
  translations: SourcePage[],
  summary: ImportSummary,
  splitPages: boolean,
): Map<SourcePage, FaqSection[]> {
  const translated = new Set(translations.map((t) => t.translationOf).filter((k): k is string => !!k));
  const out = new Map<SourcePage, FaqSection[]>();
  for (const page of pages) {
    if (!QUESTION_HEADING.test(page.body)) continue;
    const split = splitFaqPage(dropTitleHeading(page.body, page.title));
    if (!splitPages) {
      if (!('reason' in split))
        summary.faqNotSplit.push({
          origin: page.origin,
          message: `a page of ${split.faqs.length} questions: --split-faq makes each a FAQ entry`,
        });
      continue;
    }
    if ('reason' in split) {
      if (split.nearMiss)
        summary.faqNotSplit.push({ origin: page.origin, message: `kept as an article: ${split.reason}` });
      continue;
    }
    if (page.linkKeys.some((k) => translated.has(k))) {
      summary.faqNotSplit.push({
        origin: page.origin,
        message: 'kept as an article: it has translations, which would need splitting the same way; split them by hand',
      });
      continue;
    }
    if (split.intro)
      summary.faqNotSplit.push({
        origin: page.origin,
        message: `split; its introduction is in no FAQ, add it where it belongs: "${split.intro.slice(0, 100)}${split.intro.length > 100 ? '…' : ''}"`,
      });
    out.set(page, split.faqs);
  }
  return out;
}

function findFaqByAnchor(faqs: PlannedFaq[], anchor: string): PlannedFaq | undefined {
  return (
    faqs.find((f) => f.section.anchor === anchor || f.slug === anchor) ??
    faqs.find((f) => f.section.innerAnchors.includes(anchor))
  );
}

function findByKey(byKey: Map<string, PlannedPage>, keys: string[]): PlannedPage | undefined {
  for (const k of keys) {
    const p = byKey.get(k);
    if (p) return p;
  }
  return undefined;
}

function decodeSafe(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** The path of an old URL (a full URL or a site path), usable as a redirect source; undefined when it cannot be. */
function toSitePath(url: string): string | undefined {
  let p = url;
  if (/^https?:\/\//i.test(url)) {
    try {
      p = new URL(url).pathname;
    } catch {
      return undefined;
    }
  }
  p = p.split(/[?#]/)[0]!.replace(/\s/g, '%20');
  return p.startsWith('/') ? p : undefined;
}

/** The article's old paths as `redirectFrom`: not its own new path, not a live page, not claimed twice. */
function collectRedirects(
  p: PlannedPage,
  summary: ImportSummary,
  byOldPath: Map<string, PlannedPage>,
  pathKey: (u: string) => string,
  planned: PlannedPage[],
  existingLive: Set<string>,
  hasFaqPage: boolean,
  inFrontmatter = true,
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const live = new Set([
    ...existingLive,
    ...planned.map((q) => q.sitePath.toLowerCase()),
    getHomePath(),
    ...(hasFaqPage ? [getFaqIndexPath()] : []),
    getSearchPath(),
    '/404/',
  ]);
  for (const folder of new Set(planned.map((q) => q.folders[0]!))) live.add(getCategoryPath(folder).toLowerCase());
  for (const u of p.page.oldUrls) {
    const sitePath = toSitePath(u);
    if (!sitePath) continue;
    const from = normalizeRedirectPath(sitePath);
    if (from === p.sitePath || seen.has(from)) continue;
    if (byOldPath.get(pathKey(sitePath)) !== p) {
      summary.skipped.push({
        origin: p.page.origin,
        message: `the old path ${from} is also another page's; it redirects to that one`,
      });
      continue;
    }
    if (live.has(from.toLowerCase()) && from.toLowerCase() !== p.sitePath) {
      summary.skipped.push({
        origin: p.page.origin,
        message: `the old path ${from} is a page of the new site; no redirect there`,
      });
      continue;
    }
    seen.add(from);
    out.push(from);
  }
  if (inFrontmatter) summary.redirects += out.length;
  return out;
}

type UrlKind = 'link' | 'image' | 'media';

/** An image the source does not have: the build would fail on it, so it becomes a note for the writer. */
const MISSING_IMAGE = '\u0000missing';
/** A link with nowhere to go: it becomes its text (the reason is in the summary). */
const DROP_LINK = '\u0000drop';
/** Links to files rather than pages. */
const ASSET_LINK =
  /\.(png|jpe?g|gif|svg|webp|avif|pdf|zip|gz|tgz|mp4|webm|mp3|ogg|csv|xlsx?|docx?|pptx?|txt|json|ya?ml)$/i;

/** An unresolved link's address on the old site: root paths on its host, relative ones from the page's old URL. */
function toOldSiteUrl(oldSite: string, p: PlannedPage, url: string): string | undefined {
  try {
    const site = new URL(oldSite.endsWith('/') ? oldSite : `${oldSite}/`);
    if (url.startsWith('/')) return new URL(url, site.origin).href;
    const page = toSitePath(p.page.oldUrls[0] ?? '/') ?? '/';
    const base = new URL(page.replace(/^\//, ''), site);
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

/** Every Markdown link, image and link definition, HTML link, image and media source outside code, through `rewrite`. */
function rewriteBody(body: string, rewrite: (kind: UrlKind, url: string) => string): string {
  const keep = (kind: UrlKind, url: string) => {
    const next = rewrite(kind, url);
    return next === MISSING_IMAGE || next === DROP_LINK ? url : next;
  };
  return mapProse(body, (prose) =>
    prose
      .replace(
        /(!?)\[((?:[^[\]\\\n]|\\.|\[[^\]\n]*\](?:\([^)\s]*\))?)*)\]\(\s*<?([^)\s>]*)>?((?:\s+(?:"[^"]*"|'[^']*'))?)\s*\)/g,
        (_m, bang: string, rawText: string, url: string, title: string) => {
          // A linked image, `[![alt](x.png)](x.png)`: the image inside is rewritten too.
          const text = !bang && rawText.includes('](') ? rewriteBody(rawText, rewrite) : rawText;
          const next = rewrite(bang ? 'image' : 'link', url);
          if (next === MISSING_IMAGE && bang)
            return `<!-- import: the image "${url}" (${text || 'no alt text'}) was not in the source; add it to public/ and link it -->`;
          if (next === DROP_LINK || next === MISSING_IMAGE) return bang ? '' : text;
          return `${bang}[${text}](${next}${title})`;
        },
      )
      .replace(
        /^((?:\s{0,3}>)*\s{0,3}\[[^\]\n]+\]:[ \t]*(?:\n[ \t]*)?)(\S+)(.*)$/gm,
        (_m, lead: string, url: string, rest: string) => {
          const next = rewrite(/\.(png|jpe?g|gif|svg|webp)$/i.test(url) ? 'image' : 'link', url);
          // A definition with nowhere to go is dropped: its `[text][id]` uses then show as text.
          return next === DROP_LINK || next === MISSING_IMAGE ? '' : `${lead}${next}${rest}`;
        },
      )
      .replace(
        /<a\b([^>]*?)\shref=(["'])([^"']*)\2([^>]*)>([\s\S]*?)<\/a>/gi,
        (m, before: string, q: string, href: string, after: string, inner: string) => {
          // Schemes and entity-encoded addresses are the sanitiser's to judge (and count), not links to resolve.
          if (/^[^/?#]*:|&#|&[a-z]+;/i.test(href)) return m;
          const next = rewrite('link', href);
          if (next === DROP_LINK || next === MISSING_IMAGE) return inner;
          return `<a${before} href=${q}${next}${q}${after}>${inner}</a>`;
        },
      )
      .replace(/<img\b([^>]*?)\ssrc=(["'])([^"']+)\2[^>]*>/gi, (m, before: string, q: string, src: string) => {
        const next = rewrite('image', src);
        if (next === MISSING_IMAGE)
          return `<!-- import: the image "${src}" was not in the source; add it to public/ and link it -->`;
        return m.replace(`src=${q}${src}${q}`, `src=${q}${next}${q}`);
      })
      // An <img> without an address shows nothing (prose naming the tag, unescaped): it goes.
      .replace(/<img\b(?![^>]*\ssrc=)[^>]*>/gi, '')
      .replace(
        /<(video|audio|source)\b([^>]*?)\ssrc=(["'])([^"']+)\3/gi,
        (_m, tag: string, before: string, q: string, src: string) =>
          `<${tag}${before} src=${q}${keep('media', src)}${q}`,
      ),
  );
}

/** Plain text of a Markdown paragraph. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\{\{[<%][^]*?[>%]\}\}|\{%[^]*?%\}/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^#{1,6}\s+/, '');
}

/**
 * The words of a list, callout or quote, without their markers: a page made only of those still
 * says what it is about (a callout's text is often its summary).
 */
function blockProse(block: string): string {
  return block
    .split('\n')
    .filter((l) => !/^\s*(:::|```|~~~|\||!\[|<|#{1,6}\s|---)/.test(l))
    .map((l) => l.replace(/^\s*(?:>\s?)+/, '').replace(/^\s*(?:[-*+]|\d+\.)\s+/, ''))
    .join(' ');
}

/**
 * The description: the source's, or the first paragraph as plain text, 50-160 characters. A
 * first paragraph that is the whole description leaves the body (the page shows the description
 * under the title, so it would read twice).
 */
export function deriveDescription(page: SourcePage, body: string): { description: string; body: string } {
  const clean = (s: string) => plainText(s).replace(/\{\{|\}\}|\{%|%\}/g, '');
  if (page.description && !hasTemplateSyntax(page.description))
    return { description: fit(clean(page.description), page.title), body };
  const blocks = body.split(/\n{2,}/);
  const isParagraph = (b: string) =>
    !/^\s*(#|:::|```|~~~|>|[-*+] |\d+\. |\||!\[|<|---|\*\*[^*]+\*\*\s*$)/.test(b) && plainText(b).length > 0;
  const firstIndex = blocks.findIndex(isParagraph);
  if (firstIndex === -1) {
    // No paragraph: the first callout, list or quote with words says it better than the title.
    let text = '';
    for (const b of blocks) {
      if (text.length >= 50) break;
      if (/^\s*(```|~~~|\||!\[|<)/.test(b)) continue;
      const words = clean(blockProse(b));
      if (words) text = text ? `${text} ${words}` : words;
    }
    return { description: fit(text || `${page.title}.`, page.title), body };
  }
  let text = clean(blocks[firstIndex]!);
  if (text.length >= 50 && text.length <= 160 && firstIndex === 0 && blocks.length > 1) {
    return { description: text, body: blocks.slice(1).join('\n\n') };
  }
  for (let i = firstIndex + 1; text.length < 50 && i < blocks.length; i++)
    if (isParagraph(blocks[i]!)) text = `${text} ${clean(blocks[i]!)}`;
  return { description: fit(text, page.title), body };
}

function fit(text: string, title: string): string {
  let t = text.trim();
  if (t.length < 50 && !t.toLowerCase().includes(title.toLowerCase())) t = `${title}: ${t}`.replace(/: \.$/, '.');
  if (t.length <= 160) return t;
  const sentences = t.slice(0, 160).match(/^.*[.!?](?=\s)/)?.[0];
  if (sentences && sentences.length >= 50) return sentences;
  return `${t.slice(0, 159).replace(/\s+\S*$/, '')}…`;
}

/** The file's text; its body passes the sanitiser last, so nothing written after it can bring HTML back. */
function toMarkdownFile(
  frontmatter: Record<string, unknown>,
  body: string,
  counts: ConversionCounts,
  origin: string,
): string {
  const safe = sanitizeMarkdown(body);
  recordUnsafeHtml(counts, origin, safe.removed);
  const tidy = mapProse(safe.markdown, (prose) => prose.replace(/\n{3,}/g, '\n\n'));
  return `---\n${stringifyYaml(frontmatter, { lineWidth: 0 })}---\n\n${tidy.trim()}\n`;
}

/** A first heading that repeats the title (hosted desks often start the body with it): the page already shows the title. */
function dropTitleHeading(body: string, title: string): string {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return body.replace(/^\s*#{1,6}[ \t]+(.+?)[ \t]*\n/, (m, heading: string) =>
    norm(heading) === norm(title) ? '' : m,
  );
}

function plannedFile(root: string, rel: string, content: { text?: string; copyFrom?: string }): PlannedFile {
  const abs = resolveInside(root, rel);
  let exists = false;
  if (existsSync(abs)) {
    const now = readFileSync(abs);
    const next = content.copyFrom ? readFileSync(content.copyFrom) : Buffer.from(content.text ?? '');
    exists = !now.equals(next);
  }
  return { path: rel, ...content, exists };
}

function readYamlArray(file: string): Array<Record<string, unknown>> {
  if (!existsSync(file)) return [];
  try {
    const value = parseYaml(readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
  } catch {
    return [];
  }
}

/** categories.yaml: the existing categories as they are, the import's added after them. */
function categoryFiles(
  root: string,
  contentName: string,
  layout: ContentLayout,
  existing: Array<Record<string, unknown>>,
  groupsUsed: Map<string, { page: SourcePage; sectionId?: string; categoryId: string }>,
  _categoryIds: Map<string, string>,
): PlannedFile[] {
  const added = new Map<string, Record<string, unknown>>();
  const describe = (title: string, given?: string) => {
    const d = given?.trim();
    return d && d.length > 0 ? d : `Articles about ${title.toLowerCase()}.`;
  };
  // Sections the import adds to a category the site has already (its "getting-started", say).
  const sectionsFor = new Map<string, Array<Record<string, unknown>>>();
  const sectionEntry = (id: string, section: SourceGroup) => ({
    id,
    title: section.title,
    ...(section.description ? { description: section.description } : {}),
    ...(section.order !== undefined ? { order: section.order } : {}),
  });
  for (const { page, sectionId, categoryId } of groupsUsed.values()) {
    const place = placeGroup(layout, categoryId, sectionId);
    const known = existing.find((c) => c.id === place.categoryId);
    if (known) {
      const has = Array.isArray(known.sections) ? (known.sections as Array<Record<string, unknown>>) : [];
      const adding = sectionsFor.get(place.categoryId) ?? [];
      if (layout.sections && sectionId && page.section && ![...has, ...adding].some((s) => s.id === sectionId))
        sectionsFor.set(place.categoryId, [...adding, sectionEntry(sectionId, page.section)]);
      continue;
    }
    if (layout.sections || !sectionId) {
      const cat = added.get(place.categoryId) ?? {
        id: place.categoryId,
        title: page.category.title,
        description: describe(page.category.title, page.category.description),
        order: page.category.order ?? 0,
      };
      if (sectionId && page.section) {
        const sections = (cat.sections as Array<Record<string, unknown>> | undefined) ?? [];
        if (!sections.some((s) => s.id === sectionId)) sections.push(sectionEntry(sectionId, page.section));
        cat.sections = sections;
      }
      added.set(place.categoryId, cat);
    } else {
      const title = `${page.category.title}: ${page.section!.title}`;
      added.set(place.categoryId, {
        id: place.categoryId,
        title,
        description: describe(page.section!.title, page.section!.description ?? page.category.description),
        order: (page.category.order ?? 0) * 100 + (page.section!.order ?? 0),
      });
    }
  }
  if (added.size === 0 && sectionsFor.size === 0) return [];
  const sorted = [...added.values()].sort(
    (a, b) => Number(a.order) - Number(b.order) || String(a.id).localeCompare(String(b.id)),
  );
  return [appendedYamlFile(root, `${contentName}/${CATEGORIES_FILE}`, sorted, sectionsFor)];
}

/**
 * A YAML list file with entries added at its end, the writer's entries, comments and layout kept
 * as they are: adding is not overwriting, so it needs no --force. `sectionsFor` adds sections to
 * entries the file has (by id), at the end of their `sections`.
 */
function appendedYamlFile(
  root: string,
  rel: string,
  entries: Array<Record<string, unknown>>,
  sectionsFor = new Map<string, Array<Record<string, unknown>>>(),
): PlannedFile {
  const abs = path.join(root, rel);
  let before = existsSync(abs) ? readFileSync(abs, 'utf8').trimEnd() : '';
  if (before && sectionsFor.size > 0) {
    const doc = parseDocument(before);
    const list = doc.toJS() as unknown;
    (Array.isArray(list) ? (list as Array<Record<string, unknown> | null>) : []).forEach((entry, i) => {
      const adding = typeof entry?.id === 'string' ? sectionsFor.get(entry.id) : undefined;
      if (!adding) return;
      // addIn on a missing key would make a map: a category without sections gets a new list.
      if (Array.isArray(entry?.sections)) for (const section of adding) doc.addIn([i, 'sections'], section);
      else doc.setIn([i, 'sections'], adding);
    });
    before = doc.toString({ lineWidth: 0 }).trimEnd();
  }
  const text = `${before ? `${before}\n` : ''}${entries.length ? stringifyYaml(entries, { lineWidth: 0 }) : ''}`;
  return { path: rel, text, exists: false };
}

/**
 * A site.yaml for a new content folder. An existing one is left alone, except that the languages
 * of imported translations it does not list yet are added to its `locales` (a translation folder
 * of a language not in `locales` stops the build).
 */
function siteSettingsFile(
  root: string,
  contentName: string,
  set: SourceSet,
  translations: SourcePage[],
  layout: ContentLayout,
): PlannedFile | undefined {
  const locales = [...new Set(translations.map((t) => t.locale!.toLowerCase()))].sort();
  const existing = path.join(root, contentName, SITE_FILE);
  if (existsSync(existing)) {
    if (!layout.locales || locales.length === 0) return undefined;
    const doc = parseDocument(readFileSync(existing, 'utf8'));
    const listed = doc.get('locales') as { items?: unknown[] } | undefined;
    const codes = new Set(
      ((doc.toJS() as { locales?: Array<{ code?: string }> }).locales ?? []).map((l) => String(l.code).toLowerCase()),
    );
    const added = locales.filter((code) => !codes.has(code));
    if (added.length === 0) return undefined;
    if (listed?.items) for (const code of added) listed.items.push(doc.createNode({ code, label: code }));
    else
      doc.set(
        'locales',
        added.map((code) => ({ code, label: code })),
      );
    return { path: `${contentName}/${SITE_FILE}`, text: doc.toString({ lineWidth: 0 }), exists: false };
  }
  const language = (set.language ?? 'en').toLowerCase().replace(/_/g, '-');
  const site = {
    name: 'Help Center',
    url: set.siteUrl ?? 'https://help.example.com',
    language: /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/.test(language) ? language : 'en',
    ...(layout.locales && locales.length ? { locales: locales.map((code) => ({ code, label: code })) } : {}),
  };
  return plannedFile(root, `${contentName}/${SITE_FILE}`, {
    text: `# Written by helpdesk-kit import: set the name and the URL the help center will have.\n${stringifyYaml(site, { lineWidth: 0 })}`,
  });
}
