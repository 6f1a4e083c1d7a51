/** The import's summary and the linter's findings grouped by rule, as text for the terminal. */
import { formatDiagnostic } from '../../content/diagnostics.ts';
import { formatUnsafeCounts } from '../../lib/sanitize-html.ts';
import type { LintResult } from '../lint/lint-content.ts';
import { ErrorCodes } from '../../lib/errors.ts';
import { formatRefusal } from './safe-paths.ts';
import type { ImportNote, ImportResult } from './types.ts';
import { plural } from '../../lib/plural.ts';

/** At most this many lines per list; the rest is counted. */
const LIST_LIMIT = 20;

function list(title: string, items: string[]): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, LIST_LIMIT).map((i) => `  ${i}\n`);
  const more = items.length > LIST_LIMIT ? `  … and ${items.length - LIST_LIMIT} more\n` : '';
  return `\n${title} (${items.length}):\n${shown.join('')}${more}`;
}

const notes = (items: ImportNote[]) => items.map((n) => `${n.origin}: ${n.message}`);

/** "Hugo hint -> callout: 12 on 4 pages (a.md, b.md, …)": one line per kind, most frequent first. */
function byKind(items: ImportNote[]): string[] {
  const kinds = new Map<string, string[]>();
  for (const n of items) kinds.set(n.message, [...(kinds.get(n.message) ?? []), n.origin]);
  return [...kinds.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([kind, origins]) => {
      const pages = [...new Set(origins)];
      const shown = pages.slice(0, 5).join(', ');
      return `${kind}: ${origins.length} on ${plural(pages.length, 'page')} (${shown}${pages.length > 5 ? ', …' : ''})`;
    });
}

export function formatImportReport(
  result: ImportResult,
  { dryRun, contentDir }: { dryRun: boolean; contentDir: string },
): string {
  const s = result.summary;
  const verb = dryRun ? 'Would write' : 'Wrote';
  const written = result.files.filter((f) => !result.kept.includes(f.path));
  let out = `${verb} ${plural(written.length, 'file')}${dryRun ? ' (dry run: nothing written)' : ''}:\n`;
  out += written.map((f) => `  ${f.path}\n`).join('');
  out += list('Kept because they exist and differ (use --force to overwrite)', result.kept);
  out += list(
    `Refused: values that cannot be a path inside ${contentDir}, nothing of them written (${ErrorCodes.ImportValueRefused})`,
    s.refused.map(formatRefusal),
  );
  out += list('How folders were mapped', s.mappings);
  out += list(
    'Renamed',
    s.renamed.map((r) => `${r.origin} -> ${r.file}: ${r.reason}`),
  );
  out += list(
    'Split into FAQs (--split-faq)',
    s.faqSplits.map(
      (f) =>
        `${f.origin} -> ${plural(f.files.length, 'FAQ')}: ${f.files.join(', ')}; ${f.redirects.length ? `redirects ${f.redirects.join(', ')} in ${contentDir}/redirects.yaml, each old #anchor lands on its question` : 'no redirect needed'}${f.anchorsChanged.length ? `; anchors that could not stay (not a slug, or taken): ${f.anchorsChanged.join(', ')}` : ''}`,
    ),
  );
  out += list('FAQ-like pages (--split-faq)', notes(s.faqNotSplit));
  out += list('Skipped or to review', notes(s.skipped));
  out += list('Links it could not resolve (left as written)', notes(s.unresolvedLinks));
  out += list('Images missing from the source (marked in the article)', notes(s.imagesMissing));
  out += list('Images still on the old host', notes(s.imagesRemote));
  out += list("Converted to this site's syntax, by kind", byKind(s.converted));
  out += list('Links to pages not imported, now to the old site (--old-site)', notes(s.linksToOldSite));
  out += list('Videos and audio missing from the source (left as written)', notes(s.mediaMissing));
  out += list('Template syntax removed', notes(s.templateSyntaxRemoved));
  out += list('Includes to write in by hand', notes(s.includesToFill));
  out += list('Unsafe HTML removed (check what the page still needs)', notes(s.unsafeHtmlByOrigin));
  const dropped = Object.entries(s.droppedKeys).sort((a, b) => b[1] - a[1]);
  out += `\nSummary: ${s.imported.length} imported (${plural(s.translations, 'translation')}), ${s.skipped.length} skipped or to review, ${s.renamed.length} renamed, ${s.faqSplits.length ? `${s.faqSplits.length} pages split into ${s.faqSplits.reduce((n, f) => n + f.files.length, 0)} FAQs, ` : ''}${plural(s.redirects, 'redirect')} in frontmatter, ${s.externalRedirects} to other sites in ${contentDir}/redirects.yaml, ${plural(s.unresolvedLinks.length, 'link')} unresolved, ${plural(s.imagesCopied, 'image')} copied, ${s.imagesMissing.length} missing, ${s.converted.length} converted to this site's syntax on ${plural(new Set(s.converted.map((n) => n.origin)).size, 'page')}, ${s.templateSyntaxRemoved.length} template syntax removed, ${formatUnsafeCounts(s.unsafeHtmlRemoved) ? `unsafe HTML removed: ${formatUnsafeCounts(s.unsafeHtmlRemoved)}` : 'no unsafe HTML'}${dropped.length ? `, frontmatter dropped: ${dropped.map(([k, n]) => `${k} ${n}`).join(', ')}` : ''}.\n`;
  return out;
}

export function formatLintByRule(lint: LintResult): string {
  if (lint.findings.length === 0) return '\nThe content linter found nothing to fix.\n';
  const byRule = new Map<string, typeof lint.findings>();
  for (const f of lint.findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  let out = `\nThe content linter found ${plural(lint.errorCount, 'error')} and ${plural(lint.warningCount, 'warning')} (helpdesk-kit lint shows them again):\n`;
  for (const [rule, findings] of [...byRule.entries()].sort((a, b) => b[1].length - a[1].length)) {
    out += `\n${rule} (${findings.length}):\n`;
    out += findings
      .slice(0, LIST_LIMIT)
      .map((f) => `  ${formatDiagnostic(f)}\n`)
      .join('');
    if (findings.length > LIST_LIMIT) out += `  … and ${findings.length - LIST_LIMIT} more\n`;
  }
  return out;
}
