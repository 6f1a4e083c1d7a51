/**
 * `helpdesk-kit import <source> --from <kind>`: another help desk's export or another
 * generator's folder into content/. Prints what it wrote (or would write), a summary, and the
 * content linter's findings by rule. Exit 0 imported (warnings are fine), 1 lint errors after
 * the import, files kept because they exist or items refused, 2 usage error or unreadable source.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { HelpCenterError } from '../../lib/errors.ts';
import { lintContent, type LintResult } from '../../tools/lint/lint-content.ts';
import { importContent, ImportSourceError } from '../../tools/import/import-content.ts';
import { formatImportReport, formatLintByRule } from '../../tools/import/format-summary.ts';
import { IMPORT_SOURCES, type ImportSource } from '../../tools/import/types.ts';
import {
  EXIT_FINDINGS,
  EXIT_OK,
  HELP_OPTION,
  createProgress,
  parseCommandArgs,
  resolveRoot,
  usageError,
  type Command,
} from '../io.ts';

export const IMPORT_USAGE = `Usage: helpdesk-kit import <source> --from <${IMPORT_SOURCES.join('|')}> [options]

Brings articles in from a hosted help desk's export saved to disk (Zendesk, Intercom, Help Scout,
Freshdesk: a folder of the API's JSON; Document360: its ZIP export) or from another generator's
project folder (Jekyll, Hugo, Docusaurus, MkDocs). Old URLs become redirects, internal links
become file links, other generators' syntax becomes ours; nothing is fetched from the network.
The README's "Moving from ..." sections say how to save each export.

Options:
  --from <kind>    what the source is (required): ${IMPORT_SOURCES.join(', ')}
  --out <dir>      the content folder to write (default: content); public/ beside it gets the images
  --root <dir>     the project root --out is relative to (default: current folder)
  --dry-run        list what would be written, and write nothing
  --force          overwrite files that exist and differ (without it they are kept and listed)
  --old-site <url> the old site's address: links to its pages that were not imported go there
                   (default: the address in the source's config, Hugo baseURL or Jekyll url;
                   without one such links become their text, and the summary lists them)
  --report <file>  also write the whole summary as JSON to <file> (every item, where the terminal
                   shows the first 20 of each list)
  --owner <name>   the team or person who keeps the imported articles up to date: written as
                   "owner:" on each (default: the source's own owner or author where a page
                   names one; hosted desks give only account ids, which are not used)
  --split-faq      split pages of question headings ("## How do I ...?") into one FAQ entry per
                   question; the old page redirects to the category page that lists them, and each
                   old #anchor is the FAQ's anchor there
  -h, --help       show this help

Exit code: 0 imported, 1 the linter found errors, files were kept, or items were refused (a locale, slug,
id or file name that cannot be a path inside --out), 2 usage error or unreadable source.`;

/** Show a progress line from this many pages on. */
const PROGRESS_FROM = 50;

export const importCommand: Command = async (argv, io) => {
  const parsed = parseCommandArgs(io, IMPORT_USAGE, {
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      out: { type: 'string', default: 'content' },
      root: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'split-faq': { type: 'boolean', default: false },
      report: { type: 'string' },
      'old-site': { type: 'string' },
      owner: { type: 'string' },
      help: HELP_OPTION,
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    return usageError(
      io,
      positionals.length === 0 ? 'say which export file or folder to import' : 'give one source only',
      IMPORT_USAGE,
    );
  if (!values.from)
    return usageError(io, `say what the source is with --from (${IMPORT_SOURCES.join(', ')})`, IMPORT_USAGE);
  if (!(IMPORT_SOURCES as readonly string[]).includes(values.from))
    return usageError(io, `--from must be one of ${IMPORT_SOURCES.join(', ')}, not "${values.from}"`, IMPORT_USAGE);

  const oldSite = values['old-site'];
  if (oldSite !== undefined && !/^https?:\/\/[^/\s]+/i.test(oldSite))
    return usageError(
      io,
      `--old-site must be the old site's address (https://docs.example.com), not "${oldSite}"`,
      IMPORT_USAGE,
    );
  const owner = values.owner?.trim();
  if (values.owner !== undefined && !owner)
    return usageError(io, '--owner needs the team or person who keeps the articles up to date', IMPORT_USAGE);
  const root = resolveRoot(io, values.root);
  const outDir = path.resolve(root, values.out);
  const source = path.resolve(io.cwd, positionals[0]!);
  const progress = createProgress(io);
  let result;
  try {
    result = importContent({
      source,
      from: values.from as ImportSource,
      outDir,
      dryRun: values['dry-run'],
      force: values.force,
      splitFaq: values['split-faq'],
      oldSite,
      owner,
      onProgress: (done, total) => {
        if (total >= PROGRESS_FROM) progress.update(`import: ${done} of ${total} pages`);
      },
    });
  } catch (err) {
    progress.done();
    if (err instanceof ImportSourceError) return usageError(io, err.message);
    if (err instanceof HelpCenterError) return usageError(io, `[${err.code}] ${err.message}`);
    throw err;
  }
  progress.done();
  if (values.report) writeFileSync(path.resolve(io.cwd, values.report), `${JSON.stringify(result.summary, null, 2)}\n`);
  io.stdout.write(
    formatImportReport(result, { dryRun: values['dry-run'], contentDir: path.relative(root, outDir) || '.' }),
  );
  const refused = result.summary.refused.length > 0;
  if (values['dry-run']) return refused ? EXIT_FINDINGS : EXIT_OK;

  const lint = await lintContent({
    root: path.dirname(outDir),
    contentDir: path.basename(outDir),
    history: false,
    onProgress: (message) => progress.update(`lint: ${message}`),
  });
  progress.done();
  // The summary's files and the findings are both named from the folder that holds --out.
  const imported = new Set(result.summary.imported.map((i) => i.file));
  const { lint: shown, unowned } = owner ? { lint, unowned: 0 } : asOwnerWarnings(lint, imported);
  io.stdout.write(formatLintByRule(shown));
  if (unowned > 0) io.stdout.write(formatOwnerHint(unowned));
  return shown.errorCount > 0 || result.kept.length > 0 || refused ? EXIT_FINDINGS : EXIT_OK;
};

/**
 * The import cannot know who owns an article the source names no owner for, and makes none up:
 * under lint.requireOwner those articles are a decision left to the team, not a fault of the
 * import, so the import shows them as warnings with the fix (`--owner`). `helpdesk-kit lint`
 * still counts them as errors until each has an owner, as the site asks.
 */
function asOwnerWarnings(lint: LintResult, imported: ReadonlySet<string>): { lint: LintResult; unowned: number } {
  let unowned = 0;
  const findings = lint.findings.map((f) => {
    if (f.ruleId !== 'owner-missing' || f.severity !== 'error' || !imported.has(f.file)) return f;
    unowned++;
    return { ...f, severity: 'warning' as const };
  });
  return {
    lint: { ...lint, findings, errorCount: lint.errorCount - unowned, warningCount: lint.warningCount + unowned },
    unowned,
  };
}

function formatOwnerHint(unowned: number): string {
  return (
    `\n${unowned === 1 ? '1 imported article names' : `${unowned} imported articles name`} no owner, and ` +
    'lint.requireOwner is on in site.yaml (helpdesk-kit lint counts them as errors until each has one).\n' +
    'Import again with --owner <team-or-person> to write "owner:" into each, or add it yourself.\n'
  );
}
