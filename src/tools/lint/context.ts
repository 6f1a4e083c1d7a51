/**
 * What every check receives: the loaded content, one parsed document per article and FAQ, the
 * effective settings, and small I/O seams (file existence, git history) that tests can replace.
 */
import type { GitHistory } from '../../content/git-history.ts';
import type { ListedRedirect } from '../../content/redirects.ts';
import type { ArticleEntry, FaqEntry, LoadedContent } from '../../content/load.ts';
import type { SiteSettings } from '../../content/schema.ts';
import type { Position } from '../../content/yaml-source.ts';
import type { Locate } from './line-index.ts';
import type { MarkdownFacts } from './markdown-facts.ts';
import type { RuleId } from './rules.ts';

/** Replace `source.slice(start, end)` with `text` (offsets into the whole file). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A finding before its severity is looked up in the settings. */
export interface Finding {
  ruleId: RuleId;
  file: string;
  line: number;
  column: number;
  message: string;
  /** Edits that repair the finding safely; only rules marked fixable set this. */
  fix?: TextEdit[];
}

export interface LintDocument {
  /** For a file whose frontmatter failed the schema, only its valid fields (the loader reports the rest). */
  entry: ArticleEntry | FaqEntry;
  /** False when the frontmatter failed the schema: checks of frontmatter values skip the file. */
  frontmatterValid: boolean;
  /** The file relative to the content folder, e.g. "articles/billing/refunds.md". */
  contentPath: string;
  /** Offset in `entry.source` where the Markdown body starts. */
  bodyStart: number;
  facts: MarkdownFacts;
  /** File position of an offset into the whole file. */
  locate: Locate;
}

/** The settings the checks use, with defaults when content/site.yaml is invalid. */
export interface LintSettings {
  language: string;
  base: string;
  /** Host names whose links are not reported (the site's own, its parent domain, lint.allowedDomains). */
  allowedDomains: string[];
  requireOwner: boolean;
}

export interface LintContext {
  root: string;
  /** The folder served at the site's root (Astro's publicDir), absolute. */
  publicDir: string;
  content: LoadedContent;
  settings: LintSettings;
  documents: LintDocument[];
  /** Translations (content/<locale>/...): only their links are checked, in their language (checks/links.ts). */
  translationDocuments: LintDocument[];
  /** The entries of content/redirects.yaml (articles' own `redirectFrom` are in `content`). */
  redirects: readonly ListedRedirect[];
  /** Today's date as YYYY-MM-DD (injectable for tests). */
  today: string;
  /** Git history of the content folder, or undefined when not available or turned off. */
  history: GitHistory | undefined;
  /** Whether a file exists, by absolute path. */
  fileExists(absolutePath: string): boolean;
  isEnabled(ruleId: RuleId): boolean;
}

export function getBodyPosition(doc: LintDocument, bodyOffset: number): Position {
  return doc.locate(doc.bodyStart + bodyOffset);
}

/** A finding at a body offset. */
export function createBodyFinding(doc: LintDocument, ruleId: RuleId, bodyOffset: number, message: string): Finding {
  return { ruleId, file: doc.entry.file, ...getBodyPosition(doc, bodyOffset), message };
}

/** A finding at a frontmatter field (or the closest parent that exists). */
export function createFieldFinding(
  doc: Pick<LintDocument, 'entry'>,
  ruleId: RuleId,
  path: ReadonlyArray<string | number>,
  message: string,
): Finding {
  return { ruleId, file: doc.entry.file, ...doc.entry.yaml.locate(path), message };
}

/** The allowed link domains: the site's host, its parent domain (help.acme.com -> acme.com) and lint.allowedDomains. */
export function getAllowedDomains(site: SiteSettings | undefined): string[] {
  if (!site) return [];
  const out = new Set<string>();
  const host = new URL(site.url).hostname.toLowerCase();
  out.add(host);
  const labels = host.split('.');
  if (labels.length > 2) out.add(labels.slice(1).join('.'));
  for (const d of site.lint.allowedDomains) {
    const clean = d
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/^\*\./, '')
      .replace(/\/.*$/, '');
    if (clean) out.add(clean);
  }
  return [...out];
}

export function getLintSettings(site: SiteSettings | undefined): LintSettings {
  return {
    language: site?.language ?? 'en',
    base: site?.base ?? '/',
    allowedDomains: getAllowedDomains(site),
    requireOwner: site?.lint.requireOwner ?? false,
  };
}
