/**
 * Values from an export or a source tree that become folder and file names (locales, slugs,
 * category and section ids, ZIP entry names), checked before they form a path, and the one
 * function every file the import writes goes through. An export is not trusted: a locale
 * "../../../x" must not become a folder, and whatever the planning missed, no write lands
 * outside the folder it is meant for.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SlugSchema } from '../../content/schema.ts';
import { RESERVED_SEGMENTS } from '../../content/routes.ts';
import { ErrorCodes, HelpCenterError } from '../../lib/errors.ts';
import type { SourcePage } from './types.ts';

/** The longest file or folder name most file systems take (ext4, APFS, NTFS: 255 bytes). */
export const MAX_NAME_BYTES = 255;
/** The longest slug or id: what the title slug rule (`slugify`) makes at most. */
export const MAX_SLUG_LENGTH = 80;

/** Something of the source not imported because a value of it cannot safely be a path. */
export interface ImportRefusal {
  /** The source file, ZIP entry or export item ("translations#9001/../x", "docs/a.md"). */
  origin: string;
  /** Its title, when it has one. */
  title?: string;
  /** The field the value came from: "locale", "slug", "category id", "image", "ZIP entry". */
  field: string;
  value: string;
  /** Why, and what is allowed. */
  reason: string;
}

/** Names Windows keeps for devices, with any extension: a file "con.md" cannot be written there. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f');

/** Why `name` cannot be one file or folder name, or undefined when it can. */
export function getNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name === '.' || name === '..') return `is "${name}"`;
  if (hasControl(name)) return 'contains a control character';
  if (name.includes('/') || name.includes('\\')) return 'contains a path separator';
  if (WINDOWS_DEVICE.test(name)) return 'is a name Windows reserves for a device';
  const bytes = Buffer.byteLength(name);
  if (bytes > MAX_NAME_BYTES) return `is ${bytes} bytes long; a file name can have at most ${MAX_NAME_BYTES}`;
  return undefined;
}

/** Why a relative path (slash-separated) cannot be written below a folder, or undefined when it can. */
export function getRelativePathProblem(relative: string): string | undefined {
  if (relative.includes('\u0000')) return 'contains a NUL character';
  if (relative.includes('\\')) return 'contains a backslash';
  if (path.posix.isAbsolute(relative) || /^[a-z]:/i.test(relative)) return 'is an absolute path';
  for (const segment of relative.split('/')) {
    if (segment === '..') return 'contains ".."';
    const problem = getNameProblem(segment);
    if (problem) return `has a part that ${problem}`;
  }
  return undefined;
}

const LOCALE_ALLOWED =
  'use a plain language tag (a language, then optionally a script and a region), like "de", "pt-BR" or "zh-Hant"';
/** Language, optional script, optional region, as `Intl.getCanonicalLocales` writes them. */
const PLAIN_TAG = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;

/** A translation's locale as the folder name it becomes (canonical, lowercase), or why it cannot be one. */
export function parseImportLocale(value: string): { locale: string } | { problem: string } {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(value)[0];
  } catch {
    return { problem: `is not a BCP 47 language tag; ${LOCALE_ALLOWED}` };
  }
  if (!canonical || !PLAIN_TAG.test(canonical)) return { problem: `is not a plain language tag; ${LOCALE_ALLOWED}` };
  const locale = canonical.toLowerCase();
  if ((RESERVED_SEGMENTS as readonly string[]).includes(locale))
    return { problem: `is the path of a built-in page; ${LOCALE_ALLOWED}, other than ${RESERVED_SEGMENTS.join(', ')}` };
  if (WINDOWS_DEVICE.test(locale)) return { problem: `is a name Windows reserves for a device; ${LOCALE_ALLOWED}` };
  return { locale };
}

const SLUG_ALLOWED = `lowercase letters, digits and hyphens, like "reset-password", at most ${MAX_SLUG_LENGTH} characters`;

/** Why `value` cannot be a slug or a category or section id (a file or folder name), or undefined. */
export function getSlugProblem(value: string, { category = false } = {}): string | undefined {
  if (!SlugSchema.safeParse(value).success || value.length > MAX_SLUG_LENGTH) {
    const why =
      getNameProblem(value) ??
      (SlugSchema.safeParse(value).success ? `is ${value.length} characters long` : 'is not a slug');
    return `${why}; use ${SLUG_ALLOWED}`;
  }
  if (WINDOWS_DEVICE.test(value)) return 'is a name Windows reserves for a device; choose another';
  if (category && (RESERVED_SEGMENTS as readonly string[]).includes(value))
    return `is the path of a built-in page; choose another than ${RESERVED_SEGMENTS.join(', ')}`;
  return undefined;
}

/** A value as the summary shows it: quoted, control characters escaped, a long one cut with its length. */
export function quoteValue(value: string): string {
  if (value.length <= 80) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, 60)).slice(0, -1)}…" (${value.length} characters)`;
}

/** One refusal as a line of the summary: the item, the field, the value, why and what is allowed. */
export function formatRefusal(r: ImportRefusal): string {
  // An origin can hold the bad value (Zendesk's "translations#9001/<locale>"): no control character reaches the terminal.
  const origin = [...r.origin].map((c) => (hasControl(c) ? JSON.stringify(c).slice(1, -1) : c)).join('');
  return `${origin}${r.title ? ` (${quoteValue(r.title)})` : ''}: the ${r.field} ${quoteValue(r.value)} ${r.reason}`;
}

/**
 * The absolute path of `relative` (slash-separated) inside `baseDir`. Throws when it would be
 * anywhere else: an absolute path, a "..", a name no file system takes. Every file the import
 * writes goes through this; planning refuses such values before, so this is the last line.
 */
export function resolveInside(baseDir: string, relative: string): string {
  const problem = getRelativePathProblem(relative);
  const target = path.resolve(baseDir, ...relative.split('/'));
  const rel = path.relative(baseDir, target);
  if (problem || rel === '' || rel.startsWith('..') || path.isAbsolute(rel))
    throw new HelpCenterError(
      ErrorCodes.ImportPathOutside,
      `the import would write ${quoteValue(relative)} outside ${baseDir} (${problem ?? 'it leaves the folder'}); nothing was written there`,
    );
  return target;
}

/**
 * Throws when `target` (inside `baseDir` by its path) would land elsewhere once symbolic links
 * are followed: its nearest existing folder resolves outside `baseDir`, or it is a link itself.
 */
export function assertNoLinkOut(baseDir: string, relative: string, target: string): void {
  if (!existsSync(baseDir)) return; // nothing below it exists yet, so no link can lead out
  let dir = path.dirname(target);
  while (!existsSync(dir)) dir = path.dirname(dir);
  const realDir = realpathSync(dir);
  const rel = path.relative(realpathSync(baseDir), realDir);
  let linked = false;
  try {
    linked = lstatSync(target).isSymbolicLink();
  } catch {
    // Not there yet: nothing to follow.
  }
  if (rel.startsWith('..') || path.isAbsolute(rel) || linked)
    throw new HelpCenterError(
      ErrorCodes.ImportPathOutside,
      `the import would write ${quoteValue(relative)} outside ${baseDir} (${linked ? 'the file is a symbolic link' : `a symbolic link leads to ${realDir}`}); nothing was written there`,
    );
}

/**
 * Writes a file (text, bytes, or a copy of `copyFrom`) at `relative` inside `baseDir`, checking
 * before its folders are made and again before it is written that no symbolic link leads out.
 */
export function writeFileInside(
  baseDir: string,
  relative: string,
  content: { data: string | Uint8Array } | { copyFrom: string },
): string {
  const target = resolveInside(baseDir, relative);
  assertNoLinkOut(baseDir, relative, target);
  mkdirSync(path.dirname(target), { recursive: true });
  assertNoLinkOut(baseDir, relative, target);
  if ('copyFrom' in content) copyFileSync(content.copyFrom, target);
  else writeFileSync(target, content.data);
  return target;
}

/**
 * The pages whose path-forming values are safe, a translation's locale replaced by its folder
 * name; the others are added to `refused`. A page of a source folder must be a file inside it
 * (`sourceRoot`), symbolic links followed: a link to a file elsewhere on the machine is not published.
 */
export function screenSourcePages(pages: SourcePage[], refused: ImportRefusal[], sourceRoot?: string): SourcePage[] {
  const out: SourcePage[] = [];
  const realRoot = sourceRoot === undefined ? undefined : realpathSync(sourceRoot);
  for (const page of pages) {
    const refuse = (field: string, value: string, reason: string) =>
      refused.push({ origin: page.origin, title: page.title, field, value, reason: `${reason}; it was not imported` });
    if (realRoot !== undefined && page.sourceDir !== undefined) {
      const rel = path.relative(realRoot, realpathSync(path.join(page.sourceDir, path.posix.basename(page.origin))));
      if (rel.startsWith('..') || path.isAbsolute(rel)) {
        refuse('source file', page.origin, 'is outside the source folder (a symbolic link or a docs folder elsewhere)');
        continue;
      }
    }
    let locale = page.locale;
    if (locale !== undefined) {
      const parsed = parseImportLocale(locale);
      if ('problem' in parsed) {
        refuse('locale', locale, parsed.problem);
        continue;
      }
      locale = parsed.locale;
    }
    const slugProblem = page.slugHint ? getSlugProblem(page.slugHint) : undefined;
    if (slugProblem) {
      refuse('slug', page.slugHint, slugProblem);
      continue;
    }
    out.push(locale === page.locale ? page : { ...page, locale });
  }
  return out;
}

/** A page whose category or section id (a folder name) is not safe, as a refusal; undefined when both are. */
export function getPlacementRefusal(
  page: SourcePage,
  categoryId: string,
  sectionId: string | undefined,
): ImportRefusal | undefined {
  const checks: Array<[string, string | undefined, string | undefined]> = [
    ['category id', categoryId, getSlugProblem(categoryId, { category: true })],
    ['section id', sectionId, sectionId === undefined ? undefined : getSlugProblem(sectionId)],
  ];
  const bad = checks.find(([, , problem]) => problem);
  if (!bad) return undefined;
  return {
    origin: page.origin,
    title: page.title,
    field: bad[0],
    value: bad[1]!,
    reason: `${bad[2]!}; it was not imported`,
  };
}

/** Why a file the import found for a page (an image) must not be copied, or undefined when it may. */
export function getSourceFileProblem(sourceRoot: string, file: string): string | undefined {
  const rel = path.relative(realpathSync(sourceRoot), realpathSync(file));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return 'is outside the source folder; it was not copied';
  if (!/^(\.[a-z0-9]{1,10})?$/i.test(path.extname(file)))
    return 'has an extension other than letters and digits; it was not copied';
  return undefined;
}

/** Where images go, beside the content folder; nothing else is written outside --out. */
export const IMAGES_DIR = 'public/images/imported';

/**
 * The folder a planned file ("content/articles/a.md", "public/images/imported/x.png") may be
 * written in, its path there, and its absolute path: inside --out, or for images inside
 * public/images/imported/ beside it, symbolic links followed. Throws for anything else.
 */
export function resolvePlannedTarget(
  outDir: string,
  planned: string,
): { baseDir: string; relative: string; target: string } {
  const contentName = path.basename(outDir);
  let baseDir: string;
  let relative: string;
  if (planned.startsWith(`${contentName}/`)) {
    baseDir = outDir;
    relative = planned.slice(contentName.length + 1);
  } else if (planned.startsWith(`${IMAGES_DIR}/`)) {
    baseDir = path.join(path.dirname(outDir), ...IMAGES_DIR.split('/'));
    relative = planned.slice(IMAGES_DIR.length + 1);
  } else
    throw new HelpCenterError(
      ErrorCodes.ImportPathOutside,
      `the import would write ${quoteValue(planned)} outside ${outDir} and ${IMAGES_DIR}/; nothing was written there`,
    );
  const target = resolveInside(baseDir, relative);
  assertNoLinkOut(baseDir, relative, target);
  return { baseDir, relative, target };
}
