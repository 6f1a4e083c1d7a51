/** `helpdesk-kit lint`: checks the content like a careful reviewer. Exit 0 clean (warnings are fine), 1 errors, 2 usage or settings. */
import path from 'node:path';
import { formatDiagnostic } from '../../content/diagnostics.ts';
import type { FrontmatterSchemas } from '../../content/load.ts';
import { ProjectSchemaError, loadProjectSchemas } from '../../content/project-schemas.ts';
import { fixContent } from '../../tools/lint/fix.ts';
import { OUTPUT_FORMATS, formatReport, type OutputFormat } from '../../tools/lint/format.ts';
import { LintSetupError, getDefaultWorkerCount, lintContent, type LintOptions } from '../../tools/lint/lint-content.ts';
import {
  PROJECT_OPTIONS,
  HELP_OPTION,
  parseCommandArgs,
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_USAGE,
  createProgress,
  resolveRoot,
  usageError,
  type Command,
} from '../io.ts';
import { isIsoDay } from '../../lib/iso-day.ts';

export const LINT_USAGE = `Usage: helpdesk-kit lint [options] [files or folders...]

Checks the content for schema errors, broken links and images, heading structure, descriptions,
review dates, owners, duplicate and similar questions, and text that does not belong.

Options:
  --format <text|json|github>  output format (default: text; github prints workflow annotations)
  --fix                        repair what is safe to repair (invisible characters, homoglyphs), then report the rest
  --root <dir>                 project root that holds content/ and public/ (default: current folder)
  --content <dir>              the content folder, relative to --root (default: content)
  --src <dir>                  the Astro source folder whose content.config.ts may extend the
                               frontmatter schemas, relative to --root (default: src)
  --no-cache                   parse every file again instead of using .cache/lint-content.json
  --no-git                     skip the git history check (missing-redirect)
  --today <YYYY-MM-DD>         the date reviewBy is compared with (default: today)
  --workers <n>                threads for parsing Markdown on large sites (default: by CPU count)
  -h, --help                   show this help

Exit code: 0 no errors (warnings are fine), 1 errors, 2 usage error or invalid content/site.yaml.`;

export const lintCommand: Command = async (argv, io) => {
  const parsed = parseCommandArgs(io, LINT_USAGE, {
    args: argv,
    allowPositionals: true,
    allowNegative: true,
    options: {
      format: { type: 'string', default: 'text' },
      fix: { type: 'boolean', default: false },
      ...PROJECT_OPTIONS,
      src: { type: 'string', default: 'src' },
      cache: { type: 'boolean', default: true },
      git: { type: 'boolean', default: true },
      today: { type: 'string' },
      workers: { type: 'string' },
      help: HELP_OPTION,
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const format = values.format as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format))
    return usageError(io, `--format must be one of ${OUTPUT_FORMATS.join(', ')}, not "${values.format}"`, LINT_USAGE);
  if (values.today !== undefined && !isIsoDay(values.today))
    return usageError(io, `--today must be a date like 2026-01-31, not "${values.today}"`, LINT_USAGE);
  const workers = values.workers === undefined ? getDefaultWorkerCount() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0)
    return usageError(io, `--workers must be a whole number, not "${values.workers}"`, LINT_USAGE);

  const root = resolveRoot(io, values.root);
  const progress = createProgress(io);
  let schemas: FrontmatterSchemas;
  try {
    schemas = await loadProjectSchemas(root, path.resolve(root, values.src));
  } catch (err) {
    if (err instanceof ProjectSchemaError) return usageError(io, err.message);
    throw err;
  }
  const options: LintOptions = {
    schemas,
    root,
    contentDir: values.content,
    today: values.today,
    history: values.git ? undefined : false,
    cacheFile: values.cache ? '.cache/lint-content.json' : undefined,
    only: positionals.map((p) => path.relative(root, path.resolve(io.cwd, p))),
    workers,
    onProgress: (message) => progress.update(`lint: ${message}`),
  };
  try {
    const { result, fixed } = values.fix
      ? await fixContent(options)
      : { result: await lintContent(options), fixed: [] };
    progress.done();
    if (result.settingsErrors.length > 0) {
      io.stderr.write(
        `${result.settingsErrors.map(formatDiagnostic).join('\n')}\nFix lint settings in ${values.content}/site.yaml and run again.\n`,
      );
      return EXIT_USAGE;
    }
    io.stdout.write(formatReport(format, { result, fixed }));
    // Without valid site settings the linter cannot know the language, domains or rule severities.
    if (result.findings.some((f) => f.ruleId === 'site-settings')) return EXIT_USAGE;
    return result.errorCount > 0 ? EXIT_FINDINGS : EXIT_OK;
  } catch (err) {
    progress.done();
    if (err instanceof LintSetupError) return usageError(io, err.message);
    throw err;
  }
};
