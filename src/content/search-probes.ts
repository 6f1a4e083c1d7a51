/**
 * Reads content/search-probes.yaml into validated probes with their positions, and checks each
 * probe against the published pages of its language. Findings are diagnostics with file, line and
 * column, as for every other content file. Pure but for `loadSearchProbes`, which reads the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findClosest } from '../lib/did-you-mean.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { LoadedContent } from './load.ts';
import { getLocales } from './locales.ts';
import { getArticlePath, getFaqPath } from './routes.ts';
import { SearchProbesFileSchema, type SearchProbeInput } from './search-probes-schema.ts';
import { schemaIssueDiagnostics, yamlSyntaxDiagnostic } from './yaml-diagnostics.ts';
import { parseYamlWithPositions, YamlSyntaxError, type ParsedYaml, type Position } from './yaml-source.ts';

export const SEARCH_PROBES_FILE = 'search-probes.yaml';
export const SEARCH_PROBES_RULE = 'search-probes';

export interface SearchProbe extends SearchProbeInput {
  /** 1-based line and column of the probe in its file. */
  line: number;
  column: number;
  /** Where its `expect` is written: a finding about the page points there. */
  expectAt: Position;
}

export interface LoadedSearchProbes {
  probes: SearchProbe[];
  diagnostics: Diagnostic[];
}

/** Validate the text of a probes file; `file` is the path used in diagnostics. */
export function parseSearchProbes(text: string, file: string): LoadedSearchProbes {
  let parsed: ParsedYaml;
  try {
    parsed = parseYamlWithPositions(text);
  } catch (err) {
    if (!(err instanceof YamlSyntaxError)) throw err;
    return {
      probes: [],
      diagnostics: [yamlSyntaxDiagnostic(err, file, 'write one probe per line, like "- { query: refund, expect: /billing/refunds/ }"')],
    };
  }
  const result = SearchProbesFileSchema.safeParse(parsed.value ?? undefined, { reportInput: true });
  if (!result.success) {
    return { probes: [], diagnostics: schemaIssueDiagnostics(result.error.issues, parsed, file, SEARCH_PROBES_RULE) };
  }
  const probes = result.data.map((p, i) => ({
    ...p,
    ...parsed.locate([i]),
    expectAt: parsed.locate([i, 'expect']),
  }));
  return { probes, diagnostics: [] };
}

/** Read a probes file from disk; a missing file is a diagnostic that says how to start one. */
export function loadSearchProbes(absolutePath: string, file: string): LoadedSearchProbes {
  if (!existsSync(absolutePath)) {
    return {
      probes: [],
      diagnostics: [
        {
          file,
          line: 1,
          column: 1,
          severity: 'error',
          ruleId: SEARCH_PROBES_RULE,
          message: `${file} is missing; create it with one "- { query: ..., expect: ... }" line per probe (helpdesk-kit search seed proposes some)`,
        },
      ],
    };
  }
  return parseSearchProbes(readFileSync(absolutePath, 'utf8'), file);
}

/** The pages a probe may expect: every published article and FAQ question, by language. */
export interface PublishedPages {
  /** The site's language: probes without `language` search its index. */
  defaultLanguage: string;
  /** Site-relative page paths (language prefix included) by language code, default language first. */
  byLanguage: ReadonlyMap<string, ReadonlySet<string>>;
}

export function getPublishedPages(content: Pick<LoadedContent, 'site' | 'articles' | 'faqs' | 'translations'>): PublishedPages {
  const locales = content.site ? getLocales(content.site) : [];
  const defaultLanguage = locales[0]?.code ?? 'en';
  const byLanguage = new Map<string, Set<string>>(locales.map((l) => [l.code, new Set<string>()]));
  if (!byLanguage.has(defaultLanguage)) byLanguage.set(defaultLanguage, new Set());
  const add = (language: string, entry: { kind: 'article' | 'faq'; category: string; id: string; data: { draft: boolean } }) => {
    if (entry.data.draft) return;
    const locale = locales.find((l) => l.code === language)?.prefix;
    const page = entry.kind === 'faq' ? getFaqPath(entry.id, { locale }) : getArticlePath(entry.category, entry.id, { locale });
    byLanguage.get(language)?.add(page);
  };
  for (const e of [...content.articles, ...content.faqs]) add(defaultLanguage, e);
  for (const t of content.translations) add(t.locale, t);
  return { defaultLanguage, byLanguage };
}

/** The language whose index a probe searches. */
export const getProbeLanguage = (probe: Pick<SearchProbe, 'language'>, pages: PublishedPages) =>
  probe.language ?? pages.defaultLanguage;

/** A finding for each probe whose `language` the site does not have: the check cannot run it. */
export function checkProbeLanguages(probes: readonly SearchProbe[], pages: PublishedPages, file: string): Diagnostic[] {
  const codes = [...pages.byLanguage.keys()];
  return probes.flatMap((p, i) => {
    if (p.language === undefined || pages.byLanguage.has(p.language)) return [];
    const near = findClosest(p.language, codes);
    return [
      {
        file,
        line: p.line,
        column: p.column,
        severity: 'error' as const,
        ruleId: SEARCH_PROBES_RULE,
        message: `[${i}].language: "${p.language}" is not a language of the site (${codes.join(', ')})${near ? `; did you mean "${near}"?` : ''}`,
      },
    ];
  });
}

/**
 * Why a probe's expected page cannot be found (not published in the probe's language), with the
 * closest published page or the language that has it; undefined when the page is published.
 */
export function getMissingPageReason(probe: SearchProbe, pages: PublishedPages): string | undefined {
  const language = getProbeLanguage(probe, pages);
  const mine = pages.byLanguage.get(language) ?? new Set<string>();
  if (mine.has(probe.expect)) return undefined;
  const elsewhere = [...pages.byLanguage].find(([, set]) => set.has(probe.expect))?.[0];
  if (elsewhere) {
    const fix = elsewhere === pages.defaultLanguage ? 'remove its "language"' : `set "language: ${elsewhere}"`;
    return `"${probe.expect}" is a page in ${elsewhere}, not in ${language}; ${fix} or expect the ${language} page`;
  }
  const slugOf = (u: string) => u.split(/[/#]/).filter(Boolean).pop() ?? '';
  const near = findClosest(slugOf(probe.expect), mine, slugOf);
  return `"${probe.expect}" is not a published article or FAQ question${pages.byLanguage.size > 1 ? ` in ${language}` : ''}; use an article path like "/account/reset-password/" or "/faq/#<faq file name>"${near ? ` (did you mean "${near}"?)` : ''}`;
}

/**
 * content/search-probes.yaml checked without a build (`helpdesk-kit lint` runs this): the file's
 * schema, each probe's `language`, and that each expected page is published in the probe's
 * language, named with the closest page. No probes file: nothing to check (probes are optional).
 */
export function checkSearchProbesFile(
  content: Pick<LoadedContent, 'root' | 'contentDir' | 'site' | 'articles' | 'faqs' | 'translations'>,
): Diagnostic[] {
  const abs = path.join(content.contentDir, SEARCH_PROBES_FILE);
  if (!existsSync(abs)) return [];
  const file = path.relative(content.root, abs).split(path.sep).join('/');
  const loaded = loadSearchProbes(abs, file);
  if (loaded.diagnostics.length > 0) return loaded.diagnostics;
  const pages = getPublishedPages(content);
  const languages = checkProbeLanguages(loaded.probes, pages, file);
  const missing = loaded.probes.flatMap((p, i): Diagnostic[] => {
    if (p.language !== undefined && !pages.byLanguage.has(p.language)) return [];
    const reason = getMissingPageReason(p, pages);
    return reason
      ? [{ file, ...p.expectAt, severity: 'error', ruleId: SEARCH_PROBES_RULE, message: `[${i}].expect: ${reason}` }]
      : [];
  });
  return [...languages, ...missing];
}
