/** The linter's output formats: text for people, JSON for tools, and GitHub workflow annotations. */
import { formatDiagnostic, type Diagnostic } from '../../content/diagnostics.ts';
import type { LintFinding, LintResult } from './lint-content.ts';
import { plural } from '../../lib/plural.ts';

export type OutputFormat = 'text' | 'json' | 'github';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'github'];

export interface ReportInput {
  result: Omit<LintResult, 'content'>;
  /** Findings `--fix` repaired (as found before the fix). */
  fixed?: readonly LintFinding[];
}

/** "69 files checked: 2 errors, 1 warning" or "69 files checked: no problems". */
export function formatSummary(result: Omit<LintResult, 'content'>, fixedCount = 0): string {
  const parts: string[] = [];
  if (result.errorCount > 0) parts.push(plural(result.errorCount, 'error'));
  if (result.warningCount > 0) parts.push(plural(result.warningCount, 'warning'));
  const found = parts.length > 0 ? parts.join(', ') : 'no problems';
  const fixed = fixedCount > 0 ? `; fixed ${plural(fixedCount, 'problem')}` : '';
  return `${plural(result.fileCount, 'file')} checked: ${found}${fixed}`;
}

/** `path:line:col  fixed  what was wrong  (rule-id)` for each repaired finding (the advice is dropped: it was followed). */
export function formatFixed(f: LintFinding): string {
  return `${f.file}:${f.line}:${f.column}  fixed  ${f.message.replace(/; [^;]*$/, '')}  (${f.ruleId})`;
}

export function formatText({ result, fixed = [] }: ReportInput): string {
  const lines = [
    ...fixed.map(formatFixed),
    ...result.findings.map(formatDiagnostic),
    formatSummary(result, fixed.length),
  ];
  return `${lines.join('\n')}\n`;
}

export function formatJson({ result, fixed = [] }: ReportInput): string {
  const strip = ({ fix, ...rest }: LintFinding) => ({ ...rest, fixable: Boolean(fix) });
  return `${JSON.stringify(
    {
      findings: result.findings.map(strip),
      fixed: fixed.map(strip),
      summary: {
        files: result.fileCount,
        errors: result.errorCount,
        warnings: result.warningCount,
        fixed: fixed.length,
      },
    },
    null,
    2,
  )}\n`;
}

/** GitHub Actions workflow commands: each finding becomes an annotation on the file and line. */
export function formatGithub({ result, fixed = [] }: ReportInput): string {
  const lines = result.findings.map(formatAnnotation);
  lines.push(formatSummary(result, fixed.length));
  return `${lines.join('\n')}\n`;
}

export function formatAnnotation(d: Diagnostic): string {
  const props = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.ruleId)}`;
  return `::${d.severity} ${props}::${escapeData(d.message)}`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatReport(format: OutputFormat, input: ReportInput): string {
  if (format === 'json') return formatJson(input);
  if (format === 'github') return formatGithub(input);
  return formatText(input);
}
