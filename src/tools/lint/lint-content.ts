/**
 * `npm run lint:content`: everything loadContent reports (schema, YAML, slugs, related), the
 * redirect errors the build checks, and the linter's own rules, with severities from
 * `lint.rules` in content/site.yaml. Returns data; the CLI (`helpdesk-kit lint`) prints it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../content/diagnostics.ts';
import { sortDiagnostics } from '../../content/diagnostics.ts';
import { loadGitHistory, type GitHistory } from '../../content/git-history.ts';
import { SITE_FILE, loadContent, type FrontmatterSchemas, type LoadedContent } from '../../content/load.ts';
import { getRedirectErrors } from '../../content/redirects.ts';
import { checkSearchProbesFile, SEARCH_PROBES_RULE } from '../../content/search-probes.ts';
import { loadRedirectsFile } from '../../content/redirects-file.ts';
import { parseYamlWithPositions, type ParsedYaml } from '../../content/yaml-source.ts';
import { checkCharacters } from './checks/characters.ts';
import { checkDirectives } from './checks/directives.ts';
import { checkDuplicateTitles } from './checks/duplicates.ts';
import { checkFrontmatter } from './checks/frontmatter.ts';
import { checkHeadings } from './checks/headings.ts';
import { checkLinks } from './checks/links.ts';
import { checkPlaceholders } from './checks/placeholders.ts';
import { checkRenames, checkSectionRedirects } from './checks/renames.ts';
import { checkScripts } from './checks/scripts.ts';
import { checkSimilarFaqs, checkSimilarTitles } from './checks/similar-faqs.ts';
import { checkTranslations } from './checks/translations.ts';
import { checkUiStrings } from '../../content/ui-strings-file.ts';
import { getLintSettings, type Finding, type LintContext, type LintDocument, type TextEdit } from './context.ts';
import { loadFactsCache } from './facts-cache.ts';
import { createLineIndex } from './line-index.ts';
import { MIN_BODIES_FOR_WORKERS, createParsePool, type ParsePool } from './parse-pool.ts';
import { resolveRuleSettings } from './rule-settings.ts';
import type { RuleId } from './rules.ts';

export interface LintOptions {
  /** The project root: content/ and public/ are inside it. */
  root: string;
  /** The content folder, relative to `root`. Default "content". */
  contentDir?: string;
  /** The folder served at the site's root, absolute. Default: public/ in `root`. */
  publicDir?: string;
  /** Today as YYYY-MM-DD, for reviewBy. Default: the current UTC date. */
  today?: string;
  /** Git history to use; default: read it with loadGitHistory. `false` skips the rename check. */
  history?: GitHistory | false;
  /** Keep parsed Markdown here between runs (the CLI uses .cache/lint-content.json). */
  cacheFile?: string;
  /** Report only findings in these files or folders (relative to `root`); every file is still read. */
  only?: string[];
  /** Worker threads for parsing Markdown on large sites (see parse-pool.ts). Default 0: parse on this thread. */
  workers?: number;
  /** Run only these of the linter's rules (the build runs BUILD_RULE_IDS); default: all. */
  rules?: readonly RuleId[];
  /** The frontmatter schemas of the project (src/content/project-schemas.ts); default: the built-in ones. */
  schemas?: FrontmatterSchemas;
  /** Called as each phase starts ("reading content", "parsing 1,200 files", ...), for a progress line. */
  onProgress?: (message: string) => void;
}

export interface LintFinding extends Diagnostic {
  /** Edits that repair the finding; `--fix` applies them. */
  fix?: TextEdit[];
}

export interface LintResult {
  /** The content as loaded, for callers that go on to build from it. */
  content: LoadedContent;
  /** Findings sorted by file and position, with the configured severities. */
  findings: LintFinding[];
  /** Problems in `lint.rules`: the CLI exits with 2 when there are any. */
  settingsErrors: Diagnostic[];
  /** Files read: articles, FAQs, and settings files with findings. */
  fileCount: number;
  errorCount: number;
  warningCount: number;
  /** Phase times, and how many files were parsed this run (the rest came from the cache) and how many of those on workers. */
  timings: { loadMs: number; parseMs: number; checkMs: number; parsed: number; parsedOnWorkers: number };
}

/** Worker threads worth starting here: none on one or two cores, where they compete with the main thread. */
export function getDefaultWorkerCount(): number {
  const cores = availableParallelism();
  return cores > 2 ? Math.min(cores - 1, 4) : 0;
}

/** The content folder is missing: a usage error, not a finding. */
export class LintSetupError extends Error {}

const CHECKS = [
  checkLinks,
  checkHeadings,
  checkFrontmatter,
  checkPlaceholders,
  checkDuplicateTitles,
  checkSimilarFaqs,
  checkSimilarTitles,
  checkDirectives,
  checkCharacters,
  checkScripts,
  checkRenames,
  checkSectionRedirects,
  checkTranslations,
];

export async function lintContent(options: LintOptions): Promise<LintResult> {
  const root = path.resolve(options.root);
  const contentDirName = options.contentDir ?? 'content';
  if (!existsSync(path.join(root, contentDirName))) {
    throw new LintSetupError(
      `there is no ${contentDirName}/ folder in ${root}; run the command from the project root or pass --root`,
    );
  }
  // Without a cache every file is parsed: start the workers now, so their start-up overlaps
  // loading the content. With a cache, start them only if enough files changed.
  const workers = options.workers ?? 0;
  const cold = !options.cacheFile || !existsSync(path.resolve(root, options.cacheFile));
  let pool: ParsePool | undefined = workers > 0 && cold ? createParsePool(workers) : undefined;
  const getPool = (toParse: number) => (pool ??= createParsePool(toParse >= MIN_BODIES_FOR_WORKERS ? workers : 0));
  try {
    return await lintWithPool(root, contentDirName, options, getPool);
  } finally {
    await pool?.close();
  }
}

async function lintWithPool(
  root: string,
  contentDirName: string,
  options: LintOptions,
  getPool: (toParse: number) => ParsePool,
): Promise<LintResult> {
  const progress = options.onProgress ?? (() => {});
  progress(`reading ${contentDirName}/`);
  let t = performance.now();
  const content = loadContent(root, contentDirName, options.schemas);
  const loadMs = performance.now() - t;

  const siteFile = `${contentDirName}/${SITE_FILE}`;
  const { severities, errors: settingsErrors } = resolveRuleSettings(
    content.site?.lint.rules ?? {},
    siteFile,
    getSiteLocator(root, siteFile),
  );

  progress(`parsing ${(content.articles.length + content.faqs.length).toLocaleString('en')} files`);
  t = performance.now();
  const { documents: all, parsed, parsedOnWorkers } = await parseDocuments(content, root, options.cacheFile, getPool);
  const translated = new Set<object>(content.translations);
  const documents = all.filter((d) => !translated.has(d.entry));
  const translationDocuments = all.filter((d) => translated.has(d.entry));
  const parseMs = performance.now() - t;

  progress(`checking ${documents.length.toLocaleString('en')} files`);
  t = performance.now();
  const exists = new Map<string, boolean>();
  // content/redirects.yaml: checked like the build checks it, and its old paths are link targets.
  const listed = loadRedirectsFile(content.contentDir, root);
  const only = options.rules ? new Set(options.rules) : undefined;
  const ctx: LintContext = {
    root,
    publicDir: options.publicDir ?? path.join(root, 'public'),
    content,
    settings: getLintSettings(content.site),
    documents,
    translationDocuments,
    redirects: listed.redirects,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    history: options.history === false ? undefined : (options.history ?? loadGitHistory(root, contentDirName)),
    fileExists: (abs) => {
      let hit = exists.get(abs);
      if (hit === undefined) exists.set(abs, (hit = existsSync(abs)));
      return hit;
    },
    isEnabled: (id) => severities.get(id) !== 'off' && (!only || only.has(id)),
  };
  const raw: Finding[] = CHECKS.flatMap((check) => check(ctx));
  // The search probes (docs/search.md): their own file, so its findings keep their yaml-syntax rule id.
  const probes: LintFinding[] =
    content.site && ctx.isEnabled(SEARCH_PROBES_RULE)
      ? checkSearchProbesFile(content).map((d) =>
          d.ruleId === SEARCH_PROBES_RULE && severities.get(SEARCH_PROBES_RULE) === 'warning'
            ? { ...d, severity: 'warning' }
            : d,
        )
      : [];
  const checkMs = performance.now() - t;

  const fromBuild: LintFinding[] = [
    ...content.diagnostics,
    ...listed.diagnostics,
    ...getRedirectErrors(content, listed.redirects),
    ...(content.site ? checkUiStrings(root, content.contentDir, content.site) : []),
  ];
  const fromLint: LintFinding[] = raw.map(({ ruleId, ...rest }) => ({
    ...rest,
    ruleId,
    severity: severities.get(ruleId) === 'warning' ? 'warning' : 'error',
  }));
  let findings = sortDiagnostics([...fromBuild, ...fromLint, ...probes]) as LintFinding[];
  if (options.only && options.only.length > 0) {
    const prefixes = options.only.map((p) => path.relative(root, path.resolve(root, p)).split(path.sep).join('/'));
    findings = findings.filter((f) => prefixes.some((p) => p === '' || f.file === p || f.file.startsWith(`${p}/`)));
  }
  return {
    content,
    findings,
    settingsErrors,
    fileCount: new Set(
      [
        ...content.articles,
        ...content.faqs,
        ...content.translations,
        ...content.diagnostics,
        ...listed.diagnostics,
        ...probes,
      ].map((e) => e.file),
    ).size,
    errorCount: findings.filter((f) => f.severity === 'error').length,
    warningCount: findings.filter((f) => f.severity === 'warning').length,
    timings: { loadMs, parseMs, checkMs, parsed, parsedOnWorkers },
  };
}

async function parseDocuments(
  content: LoadedContent,
  root: string,
  cacheFile: string | undefined,
  getPool: (toParse: number) => ParsePool,
): Promise<{ documents: LintDocument[]; parsed: number; parsedOnWorkers: number }> {
  const cache = cacheFile ? loadFactsCache(path.resolve(root, cacheFile)) : undefined;
  const entries = [...content.articles, ...content.faqs, ...content.invalidEntries, ...content.translations];
  const invalid = new Set(content.invalidEntries);
  const facts = entries.map((entry) => cache?.get(entry.file, entry.body));
  const missing = entries.filter((_, i) => !facts[i]);
  const pool = getPool(missing.length);
  const parsed = await pool.parse(missing.map((e) => e.body));
  let k = 0;
  const documents = entries.map((entry, i): LintDocument => {
    let f = facts[i];
    if (!f) {
      f = parsed[k++]!;
      cache?.set(entry.file, entry.body, f);
    }
    return {
      entry,
      frontmatterValid: !invalid.has(entry),
      contentPath: path.relative(content.contentDir, entry.absolutePath).split(path.sep).join('/'),
      bodyStart: entry.source.length - entry.body.length,
      facts: f,
      locate: createLineIndex(entry.source),
    };
  });
  cache?.save();
  return { documents, parsed: missing.length, parsedOnWorkers: pool.stats.parsedOnWorkers };
}

function getSiteLocator(root: string, siteFile: string): ParsedYaml['locate'] {
  try {
    return parseYamlWithPositions(readFileSync(path.join(root, siteFile), 'utf8')).locate;
  } catch {
    return () => ({ line: 1, column: 1 });
  }
}
