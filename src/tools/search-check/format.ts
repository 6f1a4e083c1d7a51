/** The search check's output: a table for people, JSON (the saved results), GitHub workflow annotations. */
import { formatDiagnostic, type Diagnostic } from '../../content/diagnostics.ts';
import { plural } from '../../lib/plural.ts';
import { formatAnnotation } from '../lint/format.ts';
import { describeChange } from './compare.ts';
import { PASS_RANK, type SearchFigures } from './figures.ts';
import type { SearchCheckResults } from './results-file.ts';

export type SearchCheckFormat = 'text' | 'json' | 'github';
export const SEARCH_CHECK_FORMATS: readonly SearchCheckFormat[] = ['text', 'json', 'github'];

const showRank = (rank: number | null | undefined) =>
  rank === undefined ? '' : rank === null ? 'not found' : String(rank);

/** "hit@1 9/12 (75.0%), hit@3 11/12 (91.7%), MRR 0.812". */
export function formatFigures(f: SearchFigures): string {
  const share = (x: number) => `${Math.round(x * f.probes)}/${f.probes} (${(x * 100).toFixed(1)}%)`;
  return `hit@1 ${share(f.hitAt1)}, hit@3 ${share(f.hitAt3)}, MRR ${f.mrr.toFixed(3)}`;
}

/** One line per probe: its rank now, with a baseline its rank before and the change. */
export function formatProbeTable(results: SearchCheckResults): string[] {
  const withBaseline = results.baselineFigures !== undefined;
  const languages = new Set(results.probes.map((p) => p.language)).size > 1;
  const head = withBaseline ? ['rank', 'before', 'change'] : ['rank'];
  const rows = results.probes.map((p) => {
    const cells = [showRank(p.rank)];
    if (withBaseline) cells.push(showRank(p.before), describeChange(p));
    return {
      cells,
      probe: `${p.query}${languages ? ` (${p.language})` : ''} -> ${p.expect}${p.failure ? '  FAIL' : ''}`,
    };
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]!.length)));
  const line = (cells: string[], probe: string) =>
    `${cells.map((c, i) => (i === 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}  ${probe}`.trimEnd();
  return [line(head, 'query -> expected page'), ...rows.map((r) => line(r.cells, r.probe))];
}

export function formatSummary(results: SearchCheckResults): string[] {
  const s = results.summary;
  const lines = [`${formatFigures(results.figures)}`];
  if (results.baselineFigures) {
    lines[0] += `; baseline ${formatFigures(results.baselineFigures)}`;
    lines.push(`${s.better} better, ${s.worse} worse, ${s.same} the same, ${s.new} new`);
  }
  lines.push(
    s.failed === 0
      ? `${plural(results.probes.length, 'probe')} checked: passed`
      : `${plural(results.probes.length, 'probe')} checked: ${plural(s.failed, 'probe')} failed (${results.baselineFigures ? `fell out of the top ${PASS_RANK}` : `not in the top ${PASS_RANK}`} or page not published)`,
  );
  return lines;
}

export function formatText(results: SearchCheckResults, findings: readonly Diagnostic[]): string {
  const lines = [
    `Search check: ${plural(results.probes.length, 'probe')} from ${results.probesFile}`,
    '',
    ...formatProbeTable(results),
    '',
    ...findings.map(formatDiagnostic),
    ...(findings.length > 0 ? [''] : []),
    ...formatSummary(results),
  ];
  return `${lines.join('\n')}\n`;
}

/** Annotations for failing probes (errors) and probes that lost places but pass (warnings), then the table. */
export function formatGithub(results: SearchCheckResults, findings: readonly Diagnostic[]): string {
  const worse = results.probes
    .filter((p) => p.change === 'worse' && p.failure === undefined)
    .map((p) =>
      formatAnnotation({
        file: results.probesFile,
        line: p.line,
        column: 1,
        severity: 'warning',
        ruleId: 'search-check',
        message: `"${p.query}": ${p.expect} is ${describeChange(p)} (${showRank(p.before)} before, ${showRank(p.rank)} now)`,
      }),
    );
  const lines = [...findings.map(formatAnnotation), ...worse, ...formatProbeTable(results), ...formatSummary(results)];
  return `${lines.join('\n')}\n`;
}

export function formatJson(results: SearchCheckResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

export function formatSearchCheck(
  format: SearchCheckFormat,
  results: SearchCheckResults,
  findings: readonly Diagnostic[],
): string {
  if (format === 'json') return formatJson(results);
  if (format === 'github') return formatGithub(results, findings);
  return formatText(results, findings);
}
