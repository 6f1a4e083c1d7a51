/**
 * `helpdesk-kit search check`: replays the site's probes (content/search-probes.yaml) against its
 * build, with the search readers get (the build's Pagefind bundle and our query layer, in Node),
 * and compares the ranks with a baseline. Returns data; no console, no exit.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../content/diagnostics.ts';
import { loadContent, type FrontmatterSchemas } from '../../content/load.ts';
import {
  checkProbeLanguages,
  getMissingPageReason,
  getProbeLanguage,
  getPublishedPages,
  loadSearchProbes,
  type PublishedPages,
  type SearchProbe,
} from '../../content/search-probes.ts';
import { createNodeSearch, type NodeSearch } from '../../search/node-search.ts';
import { compareProbes, getCheckSummary, type ProbeOutcome } from './compare.ts';
import { getSearchFigures, PROBE_DEPTH } from './figures.ts';
import { RESULTS_VERSION, type SearchCheckBaseline, type SearchCheckResults } from './results-file.ts';

export interface SearchCheckOptions {
  /** Project root; diagnostics name files relative to it. */
  root: string;
  /** The content folder, relative to `root` (default "content"). */
  contentDir?: string;
  /** The built site (what `astro build` wrote). */
  distDir: string;
  /** The probes file, absolute. */
  probesFile: string;
  baseline?: SearchCheckBaseline;
  /** The project's frontmatter schemas, so extended frontmatter still counts as published. */
  schemas?: FrontmatterSchemas;
}

/** The check cannot run: no build, no content. The message says what to do. */
export class SearchCheckError extends Error {}

export type SearchCheckOutcome =
  /** The probes file has problems; nothing was searched. */
  { ok: false; diagnostics: Diagnostic[] } | { ok: true; results: SearchCheckResults; findings: Diagnostic[] };

export const SEARCH_CHECK_RULE = 'search-check';

export async function runSearchCheck(options: SearchCheckOptions): Promise<SearchCheckOutcome> {
  const { root, distDir } = options;
  const file = path.relative(root, options.probesFile).split(path.sep).join('/');
  if (!existsSync(path.join(distDir, 'pagefind', 'pagefind.js')))
    throw new SearchCheckError(
      `${distDir} has no search index (pagefind/pagefind.js); build the site first (npm run build), or pass --dist`,
    );
  const content = loadContent(root, options.contentDir ?? 'content', options.schemas);
  if (!content.site)
    throw new SearchCheckError(
      `there is no ${path.join(options.contentDir ?? 'content', 'site.yaml')} in ${root}; run the command in the site's folder, or pass --root`,
    );
  const pages = getPublishedPages(content);
  const loaded = loadSearchProbes(options.probesFile, file);
  const diagnostics = [...loaded.diagnostics, ...checkProbeLanguages(loaded.probes, pages, file)];
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  const outcomes = await runProbes(loaded.probes, pages, distDir);
  const probes = compareProbes(outcomes, options.baseline?.probes);
  const summary = getCheckSummary(probes);
  const findings: Diagnostic[] = probes.flatMap((p) =>
    p.failure === undefined
      ? []
      : [
          {
            file,
            ...(p.missingPage ? p.expectAt : { line: p.line, column: p.column }),
            severity: 'error' as const,
            ruleId: SEARCH_CHECK_RULE,
            message: `"${p.query}"${pages.byLanguage.size > 1 ? ` (${p.language})` : ''}: ${p.failure}`,
          },
        ],
  );
  const results: SearchCheckResults = {
    version: RESULTS_VERSION,
    probesFile: file,
    passed: summary.failed === 0,
    figures: getSearchFigures(probes.map((p) => p.rank)),
    ...(options.baseline
      ? { baselineFigures: options.baseline.figures ?? getSearchFigures(options.baseline.probes.map((p) => p.rank)) }
      : {}),
    summary,
    probes: probes.map((p) => ({
      query: p.query,
      language: p.language,
      expect: p.expect,
      ...(p.kind ? { kind: p.kind } : {}),
      line: p.line,
      rank: p.rank,
      ...(p.before !== undefined ? { before: p.before } : {}),
      change: p.change,
      ...(p.places !== undefined ? { places: p.places } : {}),
      ...(p.failure !== undefined ? { failure: p.failure } : {}),
      top: p.top.slice(0, 3),
    })),
  };
  return { ok: true, results, findings };
}

/**
 * Each probe through its language's search, one at a time (ranks must not depend on timing). On a
 * site with several languages each index is named: without a page's `<html lang>`, Pagefind
 * would pick the language with the most pages.
 */
async function runProbes(
  probes: readonly SearchProbe[],
  pages: PublishedPages,
  distDir: string,
): Promise<ProbeOutcome[]> {
  const searches = new Map<string, NodeSearch>();
  const outcomes: ProbeOutcome[] = [];
  for (const probe of probes) {
    const language = getProbeLanguage(probe, pages);
    let search = searches.get(language);
    if (!search) {
      // Base "/": result URLs come back site-relative, as probes are written, whatever the deployment base.
      search = await createNodeSearch(distDir, '/', PROBE_DEPTH, pages.byLanguage.size > 1 ? language : undefined);
      searches.set(language, search);
    }
    const missingPage = getMissingPageReason(probe, pages);
    const top = (await search.search(probe.query)).map((r) => r.url).slice(0, PROBE_DEPTH);
    const index = top.indexOf(probe.expect);
    outcomes.push({
      query: probe.query,
      expect: probe.expect,
      language,
      ...(probe.kind ? { kind: probe.kind } : {}),
      line: probe.line,
      column: probe.column,
      expectAt: probe.expectAt,
      rank: index === -1 ? null : index + 1,
      top,
      ...(missingPage ? { missingPage } : {}),
    });
  }
  return outcomes;
}
